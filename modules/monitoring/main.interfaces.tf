locals {
  role_definition_resource_substring = "/providers/Microsoft.Authorization/roleDefinitions"
}

# Optional Azure Monitor Private Link Scope (AMPLS): with private endpoints, ingestion and query can be made private
# (internet_ingestion_enabled / internet_query_enabled = false). One AMPLS per DNS scope: it changes name resolution
# of every Azure Monitor endpoint for the linked VNets.
resource "azurerm_monitor_private_link_scope" "this" {
  count = var.private_link_scope != null ? 1 : 0

  name                  = coalesce(var.private_link_scope.name, "ampls-${trimprefix(var.name, "log-")}")
  resource_group_name   = var.resource_group_name
  ingestion_access_mode = var.private_link_scope.ingestion_access_mode
  query_access_mode     = var.private_link_scope.query_access_mode
  tags                  = var.tags
}

resource "azurerm_monitor_private_link_scoped_service" "workspace" {
  count = var.private_link_scope != null ? 1 : 0

  name                = "amplsservice-${azurerm_log_analytics_workspace.this.name}"
  resource_group_name = var.resource_group_name
  scope_name          = azurerm_monitor_private_link_scope.this[0].name
  linked_resource_id  = azurerm_log_analytics_workspace.this.id
}

resource "azurerm_monitor_private_link_scoped_service" "application_insights" {
  count = var.private_link_scope != null ? 1 : 0

  name                = "amplsservice-${azurerm_application_insights.this.name}"
  resource_group_name = var.resource_group_name
  scope_name          = azurerm_monitor_private_link_scope.this[0].name
  linked_resource_id  = azurerm_application_insights.this.id
}

module "private_endpoint" {
  source   = "../private-endpoint"
  for_each = var.private_endpoints

  name                           = coalesce(each.value.name, "pe-${var.name}-${each.key}")
  location                       = var.location
  resource_group_name            = var.resource_group_name
  tags                           = each.value.tags != null ? each.value.tags : var.tags
  subnet_id                      = each.value.subnet_resource_id
  private_connection_resource_id = azurerm_monitor_private_link_scope.this[0].id
  subresource_names              = ["azuremonitor"]
  private_dns_zone_ids           = each.value.private_dns_zone_resource_ids

  depends_on = [azurerm_monitor_private_link_scoped_service.workspace, azurerm_monitor_private_link_scoped_service.application_insights]
}

# Workspace audit logs (queries run against it) and metrics.
resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = var.diagnostic_settings

  name                       = coalesce(each.value.name, "diag-${var.name}-${each.key}")
  target_resource_id         = azurerm_log_analytics_workspace.this.id
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

  scope                = azurerm_log_analytics_workspace.this.id
  principal_id         = each.value.principal_id
  principal_type       = each.value.principal_type
  description          = each.value.description
  role_definition_id   = strcontains(lower(each.value.role_definition_id_or_name), lower(local.role_definition_resource_substring)) ? each.value.role_definition_id_or_name : null
  role_definition_name = strcontains(lower(each.value.role_definition_id_or_name), lower(local.role_definition_resource_substring)) ? null : each.value.role_definition_id_or_name
}

resource "azurerm_management_lock" "this" {
  count = var.lock != null ? 1 : 0

  name       = coalesce(var.lock.name, "lock-${var.name}")
  scope      = azurerm_log_analytics_workspace.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."

  # The lock goes on last, so a ReadOnly lock does not block the module's own child resources.
  depends_on = [
    azurerm_application_insights.this,
    azurerm_monitor_diagnostic_setting.activity_log,
    azurerm_monitor_diagnostic_setting.this,
    azurerm_role_assignment.this,
    module.private_endpoint,
    azurerm_monitor_private_link_scoped_service.workspace,
  ]
}
