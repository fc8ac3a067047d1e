# Private DNS zones for the private endpoints (brief §2 table), linked to this VNet without auto-registration.
resource "azurerm_private_dns_zone" "this" {
  for_each = var.private_dns_zones

  name                = each.value
  resource_group_name = coalesce(var.private_dns_zone_resource_group_name, var.resource_group_name)
  tags                = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "this" {
  for_each = var.private_dns_zones

  name                  = "vnetlink-${var.name}"
  resource_group_name   = azurerm_private_dns_zone.this[each.key].resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.this[each.key].name
  virtual_network_id    = azurerm_virtual_network.this.id
  registration_enabled  = false
  tags                  = var.tags
}
