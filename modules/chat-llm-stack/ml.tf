# Azure Machine Learning workspace, off by default (ml_enabled). It gets its own storage account, Key Vault and
# Application Insights, all private; the app's vault and telemetry are not shared with training jobs.

locals {
  ml_names = {
    workspace = "mlw-${local.stem}-${local.suffix}"
    storage   = "stml${var.workload}${var.environment}${local.suffix}"
    # Key Vault names are at most 24 characters: "kvml" + workload (<= 8) + environment (<= 5) + suffix (<= 6) = 23.
    # ("kv-ml-<workload>-<env>-<suffix>" reached 27 for accepted inputs.)
    key_vault    = "kvml${var.workload}${var.environment}${local.suffix}"
    app_insights = "appi-ml-${local.stem}"
  }
}

resource "azurerm_storage_account" "ml" {
  count = var.ml_enabled ? 1 : 0

  name                = local.ml_names.storage
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags

  account_kind             = "StorageV2"
  account_tier             = "Standard"
  account_replication_type = "ZRS"

  https_traffic_only_enabled        = true
  min_tls_version                   = "TLS1_2"
  shared_access_key_enabled         = false
  default_to_oauth_authentication   = true
  public_network_access_enabled     = false
  allow_nested_items_to_be_public   = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  blob_properties {
    versioning_enabled = true
    delete_retention_policy {
      days = 30
    }
    container_delete_retention_policy {
      days = 30
    }
  }
}

module "ml_storage_private_endpoint" {
  source   = "../private-endpoint"
  for_each = var.ml_enabled ? toset(["blob", "file"]) : toset([])

  name                           = "pe-${local.ml_names.storage}-${each.key}"
  location                       = var.location
  resource_group_name            = azurerm_resource_group.this.name
  tags                           = local.tags
  subnet_id                      = local.pe_subnet_id
  private_connection_resource_id = azurerm_storage_account.ml[0].id
  subresource_names              = [each.key]
  private_dns_zone_ids           = [local.dns_zone_ids["privatelink.${each.key}.core.windows.net"]]
}

resource "azurerm_monitor_diagnostic_setting" "ml_storage" {
  for_each = var.ml_enabled ? {
    account = { id = azurerm_storage_account.ml[0].id, logs = false }
    blob    = { id = "${azurerm_storage_account.ml[0].id}/blobServices/default", logs = true }
    file    = { id = "${azurerm_storage_account.ml[0].id}/fileServices/default", logs = true }
  } : {}

  name                           = "diag-${local.ml_names.storage}-${each.key}"
  target_resource_id             = each.value.id
  log_analytics_workspace_id     = module.monitoring.resource_id
  log_analytics_destination_type = "Dedicated"

  dynamic "enabled_log" {
    for_each = each.value.logs ? ["allLogs"] : []
    content {
      category_group = enabled_log.value
    }
  }

  enabled_metric {
    category = "Transaction"
  }
}

resource "azurerm_application_insights" "ml" {
  count = var.ml_enabled ? 1 : 0

  name                         = local.ml_names.app_insights
  location                     = var.location
  resource_group_name          = azurerm_resource_group.this.name
  tags                         = local.tags
  application_type             = "web"
  workspace_id                 = module.monitoring.resource_id
  local_authentication_enabled = false
}

module "ml_keyvault" {
  source = "../keyvault"
  count  = var.ml_enabled ? 1 : 0

  name                = local.ml_names.key_vault
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags
  tenant_id           = data.azurerm_client_config.current.tenant_id
  prevent_destroy     = var.prevent_destroy

  private_endpoints = {
    pe = {
      subnet_resource_id            = local.pe_subnet_id
      private_dns_zone_resource_ids = [local.dns_zone_ids["privatelink.vaultcore.azure.net"]]
    }
  }
  diagnostic_settings = local.diagnostic_settings
}

module "ml" {
  source = "../ml"
  count  = var.ml_enabled ? 1 : 0

  name                             = local.ml_names.workspace
  location                         = var.location
  resource_group_name              = azurerm_resource_group.this.name
  tags                             = local.tags
  storage_account_resource_id      = azurerm_storage_account.ml[0].id
  key_vault_resource_id            = module.ml_keyvault[0].resource_id
  application_insights_resource_id = azurerm_application_insights.ml[0].id
  # Not the app's registry: the workspace identity would get write access to production images. Give ML its own
  # Premium registry (registry module) when it builds environments.
  container_registry_resource_id = null

  private_endpoints = {
    pe = {
      subnet_resource_id = local.pe_subnet_id
      private_dns_zone_resource_ids = [
        local.dns_zone_ids["privatelink.api.azureml.ms"],
        local.dns_zone_ids["privatelink.notebooks.azure.net"],
      ]
    }
  }
  diagnostic_settings = local.diagnostic_settings
}

# storage_account_access_type = Identity: the workspace's system-assigned identity reads and writes its storage
# with Entra ID (the account has shared keys off).
resource "azurerm_role_assignment" "ml_storage" {
  for_each = var.ml_enabled ? toset(["Storage Blob Data Contributor", "Storage File Data Privileged Contributor"]) : toset([])

  scope                = azurerm_storage_account.ml[0].id
  role_definition_name = each.key
  principal_id         = module.ml[0].principal_id
  principal_type       = "ServicePrincipal"
  description          = "${local.ml_names.workspace}: identity-based storage access."
}
