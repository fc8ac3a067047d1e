locals {
  role_definition_resource_substring = "/providers/Microsoft.Authorization/roleDefinitions"

  # Every resource of the module that has diagnostic settings. The plan only emits metrics.
  diagnostic_targets = merge(
    { app = { id = azurerm_linux_web_app.this.id, logs = true } },
    var.staging_slot_enabled ? { slot = { id = azurerm_linux_web_app_slot.staging[0].id, logs = true } } : {},
    { plan = { id = azurerm_service_plan.this.id, logs = false } },
  )

  diagnostic_settings = merge([
    for target_key, target in local.diagnostic_targets : {
      for setting_key, setting in var.diagnostic_settings : "${target_key}-${setting_key}" => {
        name                  = "${coalesce(setting.name, "diag-${var.name}-${setting_key}")}${target_key == "app" ? "" : "-${target_key}"}"
        target_resource_id    = target.id
        workspace_resource_id = setting.workspace_resource_id
        log_groups            = target.logs ? setting.log_groups : toset([])
        metric_categories     = setting.metric_categories
        destination_type      = setting.log_analytics_destination_type
      }
    }
  ]...)
}

resource "azurerm_monitor_diagnostic_setting" "this" {
  for_each = local.diagnostic_settings

  name                       = each.value.name
  target_resource_id         = each.value.target_resource_id
  log_analytics_workspace_id = each.value.workspace_resource_id
  # Resource-specific tables (AVM default); Azure falls back to AzureDiagnostics for services without them.
  log_analytics_destination_type = each.value.destination_type

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

  scope                = azurerm_linux_web_app.this.id
  principal_id         = each.value.principal_id
  principal_type       = each.value.principal_type
  description          = each.value.description
  role_definition_id   = strcontains(lower(each.value.role_definition_id_or_name), lower(local.role_definition_resource_substring)) ? each.value.role_definition_id_or_name : null
  role_definition_name = strcontains(lower(each.value.role_definition_id_or_name), lower(local.role_definition_resource_substring)) ? null : each.value.role_definition_id_or_name
}

# Private ingress (e.g. Front Door Premium private link or an internal Application Gateway).
module "private_endpoint" {
  source   = "../private-endpoint"
  for_each = var.private_endpoints

  name                           = coalesce(each.value.name, "pe-${var.name}-${each.key}")
  location                       = var.location
  resource_group_name            = var.resource_group_name
  tags                           = each.value.tags != null ? each.value.tags : var.tags
  subnet_id                      = each.value.subnet_resource_id
  private_connection_resource_id = azurerm_linux_web_app.this.id
  subresource_names              = ["sites"]
  private_dns_zone_ids           = each.value.private_dns_zone_resource_ids
}

# The staging slot's own endpoint (subresource sites-staging): smoke tests reach the slot privately (from the ops
# subnet or a gateway test listener) before a change goes to production.
module "staging_private_endpoint" {
  source   = "../private-endpoint"
  for_each = var.staging_slot_enabled ? var.staging_slot_private_endpoints : {}

  name                           = coalesce(each.value.name, "pe-${var.name}-staging-${each.key}")
  location                       = var.location
  resource_group_name            = var.resource_group_name
  tags                           = each.value.tags != null ? each.value.tags : var.tags
  subnet_id                      = each.value.subnet_resource_id
  private_connection_resource_id = azurerm_linux_web_app.this.id
  subresource_names              = ["sites-staging"]
  private_dns_zone_ids           = each.value.private_dns_zone_resource_ids

  depends_on = [azurerm_linux_web_app_slot.staging]
}

resource "azurerm_management_lock" "this" {
  count = var.lock != null ? 1 : 0

  name       = coalesce(var.lock.name, "lock-${var.name}")
  scope      = azurerm_linux_web_app.this.id
  lock_level = var.lock.kind
  notes      = var.lock.kind == "CanNotDelete" ? "Cannot delete the resource or its child resources." : "Cannot delete or modify the resource or its child resources."

  # The lock goes on last, so a ReadOnly lock does not block the module's own child resources.
  depends_on = [azurerm_role_assignment.this, azurerm_monitor_diagnostic_setting.this, module.private_endpoint, module.staging_private_endpoint, azurerm_linux_web_app_slot.staging]
}
