resource "azurerm_private_endpoint" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  subnet_id                     = var.subnet_id
  custom_network_interface_name = coalesce(var.custom_network_interface_name, "${var.name}-nic")
  tags                          = var.tags

  private_service_connection {
    name                           = "psc-${var.name}"
    private_connection_resource_id = var.private_connection_resource_id
    subresource_names              = var.subresource_names
    is_manual_connection           = false
  }

  # Without a zone group the endpoint's A record is never written and clients keep resolving the public address.
  # An empty list leaves DNS to Azure Policy (DeployIfNotExists) in hub-and-spoke landing zones.
  dynamic "private_dns_zone_group" {
    for_each = length(var.private_dns_zone_ids) > 0 ? [1] : []
    content {
      name                 = var.private_dns_zone_group_name
      private_dns_zone_ids = sort(tolist(var.private_dns_zone_ids))
    }
  }
}
