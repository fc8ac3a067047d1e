resource "azurerm_management_lock" "this" {
  count = var.lock != null ? 1 : 0

  name       = coalesce(var.lock.name, "lock-${var.storage_account_name}")
  scope      = azurerm_storage_account.this.id
  lock_level = var.lock.kind
  notes      = "Holds Terraform state for every environment. Remove the lock deliberately before any change that deletes it."

  depends_on = [
    azurerm_storage_container.this,
    azurerm_role_assignment.ci_state,
    azurerm_role_assignment.state_contributors,
    azurerm_monitor_diagnostic_setting.this,
    module.private_endpoint,
  ]
}

# Blob service logs (StorageRead/Write/Delete) show who touched the state.
resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                       = coalesce(each.value.name, "diag-${var.storage_account_name}-${each.key}")
  target_resource_id         = "${azurerm_storage_account.this.id}/blobServices/default"
  log_analytics_workspace_id = each.value.workspace_resource_id
  # Resource-specific tables (AVM default); Azure falls back to AzureDiagnostics for services without them.
  log_analytics_destination_type = each.value.log_analytics_destination_type

  dynamic "enabled_log" {
    for_each = each.value.log_groups
    content {
      category_group = enabled_log.value
    }
  }

  dynamic "enabled_metric" {
    for_each = each.value.metric_categories
    content {
      category = enabled_metric.value
    }
  }
}

module "private_endpoint" {
  source   = "../private-endpoint"
  for_each = var.private_endpoints

  name                           = coalesce(each.value.name, "pe-${var.storage_account_name}-${each.key}")
  location                       = var.location
  resource_group_name            = azurerm_resource_group.this.name
  tags                           = each.value.tags != null ? each.value.tags : var.tags
  subnet_id                      = each.value.subnet_resource_id
  private_connection_resource_id = azurerm_storage_account.this.id
  subresource_names              = ["blob"]
  private_dns_zone_ids           = each.value.private_dns_zone_resource_ids
}
