locals {
  role_definition_resource_substring = "/providers/Microsoft.Authorization/roleDefinitions"
}

resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                       = coalesce(each.value.name, "diag-${var.name}-${each.key}")
  target_resource_id         = azurerm_virtual_network.this.id
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

# NSGs have logs (rule events and counters) but no metrics, so only the log groups go there.
resource "azurerm_monitor_diagnostic_setting" "nsg" {
  for_each = {
    for pair in setproduct(keys(var.diagnostic_settings), keys(local.subnets)) : "${pair[0]}/${pair[1]}" => {
      setting    = var.diagnostic_settings[pair[0]]
      setting_id = pair[0]
      subnet_key = pair[1]
    }
  }

  name                       = coalesce(each.value.setting.name, "diag-${var.name}-${each.value.setting_id}")
  target_resource_id         = azurerm_network_security_group.this[each.value.subnet_key].id
  log_analytics_workspace_id = each.value.setting.workspace_resource_id

  dynamic "enabled_log" {
    for_each = each.value.setting.log_groups
    content {
      category_group = enabled_log.value
    }
  }
}

resource "azurerm_role_assignment" "this" {
  for_each = var.role_assignments

  scope                = azurerm_virtual_network.this.id
  principal_id         = each.value.principal_id
  principal_type       = each.value.principal_type
  description          = each.value.description
  role_definition_id   = strcontains(lower(each.value.role_definition_id_or_name), lower(local.role_definition_resource_substring)) ? each.value.role_definition_id_or_name : null
  role_definition_name = strcontains(lower(each.value.role_definition_id_or_name), lower(local.role_definition_resource_substring)) ? null : each.value.role_definition_id_or_name
}

resource "azurerm_management_lock" "this" {
  count = var.lock != null ? 1 : 0

  name       = coalesce(var.lock.name, "lock-${var.name}")
  scope      = azurerm_virtual_network.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."

  # The lock goes on last, so a ReadOnly lock does not block the module's own child resources.
  depends_on = [
    azurerm_subnet.this,
    azurerm_subnet_network_security_group_association.this,
    azurerm_network_security_rule.this,
    azurerm_private_dns_zone_virtual_network_link.this,
    azurerm_role_assignment.this,
    azurerm_monitor_diagnostic_setting.this,
    azurerm_monitor_diagnostic_setting.nsg,
  ]
}
