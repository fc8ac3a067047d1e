locals {
  identity_type = join(", ", compact([
    var.managed_identities.system_assigned ? "SystemAssigned" : "",
    length(var.managed_identities.user_assigned_resource_ids) > 0 ? "UserAssigned" : "",
  ]))
}

resource "azurerm_container_registry" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = var.sku
  tags                = var.tags

  admin_enabled                 = false # pull with managed identities (AcrPull), never admin credentials
  anonymous_pull_enabled        = false
  public_network_access_enabled = var.public_network_access_enabled
  # Azure only lets export be disabled while the public endpoint is off.
  export_policy_enabled      = var.public_network_access_enabled
  network_rule_bypass_option = var.network_rule_bypass_option
  network_rule_set = var.sku == "Premium" ? [{
    default_action = "Deny"
    ip_rule        = [for range in var.allowed_ip_ranges : { action = "Allow", ip_range = range }]
  }] : null

  zone_redundancy_enabled   = var.zone_redundancy_enabled
  data_endpoint_enabled     = var.data_endpoint_enabled
  retention_policy_in_days  = var.retention_policy_in_days
  quarantine_policy_enabled = var.quarantine_policy_enabled
  trust_policy_enabled      = var.trust_policy_enabled # validated false: content trust cannot be enabled on new registries

  dynamic "georeplications" {
    for_each = var.georeplications
    content {
      location                  = georeplications.value.location
      zone_redundancy_enabled   = georeplications.value.zone_redundancy_enabled
      regional_endpoint_enabled = georeplications.value.regional_endpoint_enabled
      tags                      = var.tags
    }
  }

  dynamic "identity" {
    for_each = local.identity_type != "" ? [1] : []
    content {
      type         = local.identity_type
      identity_ids = length(var.managed_identities.user_assigned_resource_ids) > 0 ? var.managed_identities.user_assigned_resource_ids : null
    }
  }
}

# AcrPull for the identities that run images (e.g. the web app's user-assigned identity).
resource "azurerm_role_assignment" "pull" {
  for_each = var.pull_principal_ids

  scope                = azurerm_container_registry.this.id
  role_definition_name = "AcrPull"
  principal_id         = each.value
  principal_type       = "ServicePrincipal"
  description          = "Image pull for ${each.key}"
}
