locals {
  role_definition_resource_substring = "/providers/Microsoft.Authorization/roleDefinitions"
}

resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                       = coalesce(each.value.name, "diag-${var.name}-${each.key}")
  target_resource_id         = azurerm_machine_learning_workspace.this.id
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

resource "azurerm_role_assignment" "this" {
  for_each = var.role_assignments

  scope                = azurerm_machine_learning_workspace.this.id
  principal_id         = each.value.principal_id
  principal_type       = each.value.principal_type
  description          = each.value.description
  role_definition_id   = strcontains(lower(each.value.role_definition_id_or_name), lower(local.role_definition_resource_substring)) ? each.value.role_definition_id_or_name : null
  role_definition_name = strcontains(lower(each.value.role_definition_id_or_name), lower(local.role_definition_resource_substring)) ? null : each.value.role_definition_id_or_name
}

module "private_endpoint" {
  source   = "../private-endpoint"
  for_each = var.private_endpoints

  name                           = coalesce(each.value.name, "pe-${var.name}-${each.key}")
  location                       = var.location
  resource_group_name            = var.resource_group_name
  tags                           = each.value.tags != null ? each.value.tags : var.tags
  subnet_id                      = each.value.subnet_resource_id
  private_connection_resource_id = azurerm_machine_learning_workspace.this.id
  subresource_names              = ["amlworkspace"]
  private_dns_zone_ids           = each.value.private_dns_zone_resource_ids
}

resource "azurerm_management_lock" "this" {
  count = var.lock != null ? 1 : 0

  name       = coalesce(var.lock.name, "lock-${var.name}")
  scope      = azurerm_machine_learning_workspace.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."

  # The lock goes on last, so a ReadOnly lock does not block the module's own child resources.
  depends_on = [
    azurerm_role_assignment.this,
    azurerm_monitor_diagnostic_setting.this,
    module.private_endpoint,
  ]
}
