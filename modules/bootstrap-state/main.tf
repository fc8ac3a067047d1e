resource "azurerm_resource_group" "this" {
  name     = var.resource_group_name
  location = var.location
  tags     = var.tags
}

resource "azurerm_storage_account" "this" {
  name                     = var.storage_account_name
  resource_group_name      = azurerm_resource_group.this.name
  location                 = azurerm_resource_group.this.location
  account_kind             = "StorageV2"
  account_tier             = "Standard"
  account_replication_type = var.account_replication_type # zone-redundant (CKV_AZURE_206)
  access_tier              = "Hot"
  tags                     = var.tags

  # Entra ID only: no account keys, no SAS, no local users (CKV2_AZURE_40); the portal defaults to Entra ID too.
  shared_access_key_enabled       = false
  default_to_oauth_authentication = true
  local_user_enabled              = false
  sftp_enabled                    = false

  https_traffic_only_enabled        = true
  min_tls_version                   = "TLS1_2" # CKV_AZURE_44
  allow_nested_items_to_be_public   = false    # CKV_AZURE_190
  cross_tenant_replication_enabled  = false
  allowed_copy_scope                = "AAD"
  infrastructure_encryption_enabled = true # double encryption at rest; set at creation only

  public_network_access_enabled = var.public_network_access_enabled # CKV_AZURE_59 / CKV2_AZURE_47

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
    ip_rules       = var.allowed_ip_ranges
  }

  blob_properties {
    versioning_enabled  = true # every state write keeps the previous version
    change_feed_enabled = true

    delete_retention_policy {
      days = var.blob_soft_delete_retention_days # CKV2_AZURE_38
    }

    container_delete_retention_policy {
      days = var.container_soft_delete_retention_days
    }
  }

  # The state of every environment lives here (see modules/CONVENTIONS.md §6).
  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_storage_container" "this" {
  name                  = var.container_name
  storage_account_id    = azurerm_storage_account.this.id # not the deprecated storage_account_name
  container_access_type = "private"
}

# The CI identity (GitHub OIDC federated credential) reads and writes state blobs with Entra ID.
resource "azurerm_role_assignment" "ci_state" {
  scope                = azurerm_storage_container.this.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = var.ci_principal_id
  principal_type       = var.ci_principal_type
  description          = "Terraform state read/write for CI (use_azuread_auth)."
}

resource "azurerm_role_assignment" "state_contributors" {
  for_each = var.state_contributor_principal_ids

  scope                = azurerm_storage_container.this.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = each.value
  description          = "Terraform state read/write for ${each.key}."
}
