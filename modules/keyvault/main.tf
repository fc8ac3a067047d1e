data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  tenant_id           = coalesce(var.tenant_id, data.azurerm_client_config.current.tenant_id)
  sku_name            = var.sku_name
  tags                = var.tags

  # One authorization model across ARM: Azure RBAC (access policies are legacy; enable_rbac_authorization is deprecated).
  rbac_authorization_enabled = true
  purge_protection_enabled   = var.purge_protection_enabled # validated true: it cannot be turned off once on
  soft_delete_retention_days = var.soft_delete_retention_days

  public_network_access_enabled   = var.public_network_access_enabled
  enabled_for_deployment          = false
  enabled_for_disk_encryption     = false
  enabled_for_template_deployment = false

  network_acls {
    default_action             = "Deny"
    bypass                     = var.network_acls.bypass
    ip_rules                   = var.network_acls.ip_rules
    virtual_network_subnet_ids = var.network_acls.virtual_network_subnet_ids
  }

  # Losing the vault loses every secret, and the name stays reserved while soft-deleted (see modules/CONVENTIONS.md §6).
  lifecycle {
    prevent_destroy = true
  }
}
