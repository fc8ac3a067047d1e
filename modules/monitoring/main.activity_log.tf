# The subscription activity log goes to Log Analytics through a subscription-scope diagnostic setting;
# azurerm_monitor_log_profile was removed in 4.0 and the service retires on 30 Sep 2026.
data "azurerm_subscription" "current" {}

resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  count = var.activity_log_enabled ? 1 : 0

  name                       = coalesce(var.activity_log_diagnostic_setting_name, "diag-activity-log-${var.name}")
  target_resource_id         = data.azurerm_subscription.current.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id
  # Long-term (365-day) archive: a storage account with a lifecycle policy, owned outside this module.
  storage_account_id = var.activity_log_archive_storage_account_resource_id

  dynamic "enabled_log" {
    for_each = var.activity_log_categories
    content {
      category = enabled_log.value
    }
  }
}
