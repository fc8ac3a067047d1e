locals {
  identity_type = join(", ", compact([
    var.managed_identities.system_assigned ? "SystemAssigned" : "",
    length(var.managed_identities.user_assigned_resource_ids) > 0 ? "UserAssigned" : "",
  ]))
}

# Only for custom training or managed online endpoints; the chat app itself does not need it. Not linked to the
# Foundry account (azurerm does not expose amlWorkspace; that link is the classic hub pattern).
resource "azurerm_machine_learning_workspace" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags

  # Dedicated dependencies: storage, Key Vault and Application Insights are not shared with the app.
  application_insights_id = var.application_insights_resource_id
  key_vault_id            = var.key_vault_resource_id
  storage_account_id      = var.storage_account_resource_id
  container_registry_id   = var.container_registry_resource_id

  # The workspace reaches its storage with its managed identity: the stack's storage account has shared keys off,
  # and the provider default (AccessKey) fails there (machine_learning_workspace_resource.go at v4.79.0).
  storage_account_access_type = var.storage_account_access_type

  public_network_access_enabled  = false
  v1_legacy_mode_enabled         = false
  high_business_impact           = var.high_business_impact
  primary_user_assigned_identity = var.primary_user_assigned_identity_resource_id
  image_build_compute_name       = var.image_build_compute_name

  identity {
    type         = local.identity_type
    identity_ids = length(var.managed_identities.user_assigned_resource_ids) > 0 ? var.managed_identities.user_assigned_resource_ids : null
  }

  # Workspace-managed VNet: outbound only to approved private endpoints / FQDNs / service tags.
  managed_network {
    isolation_mode                = "AllowOnlyApprovedOutbound"
    provision_on_creation_enabled = true
  }
}
