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
}

# prevent_destroy must be a literal, so the environment's choice is carried by a sentinel: with prevent_destroy = true
# this terraform_data is replaced whenever the vault is (its id changes), and its own literal prevent_destroy then
# fails any plan that deletes or replaces the vault ("Instance cannot be destroyed"). Dev sets false and can be torn
# down; turning protection off again needs a removed block (the sentinel itself cannot be destroyed). CONVENTIONS §6.
resource "terraform_data" "prevent_destroy" {
  count = var.prevent_destroy ? 1 : 0

  triggers_replace = azurerm_key_vault.this.id

  lifecycle {
    prevent_destroy = true
  }
}
