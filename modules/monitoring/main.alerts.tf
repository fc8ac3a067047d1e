locals {
  action_group_ids = concat(
    [for group in azurerm_monitor_action_group.this : group.id],
    tolist(var.additional_action_group_resource_ids),
  )
}

resource "azurerm_monitor_action_group" "this" {
  count = var.action_group != null ? 1 : 0

  name                = coalesce(var.action_group.name, "ag-${trimprefix(var.name, "log-")}")
  resource_group_name = var.resource_group_name
  location            = "global"
  short_name          = var.action_group.short_name
  tags                = var.tags

  dynamic "email_receiver" {
    for_each = var.action_group.email_receivers
    content {
      name                    = email_receiver.key
      email_address           = email_receiver.value
      use_common_alert_schema = true
    }
  }

  dynamic "webhook_receiver" {
    for_each = var.action_group.webhook_receivers
    content {
      name                    = webhook_receiver.key
      service_uri             = webhook_receiver.value
      use_common_alert_schema = true
    }
  }

  dynamic "arm_role_receiver" {
    for_each = var.action_group.arm_role_receivers
    content {
      name                    = arm_role_receiver.key
      role_id                 = arm_role_receiver.value
      use_common_alert_schema = true
    }
  }
}

resource "azurerm_monitor_activity_log_alert" "this" {
  for_each = var.activity_log_alerts

  name                = "ala-${trimprefix(var.name, "log-")}-${each.key}"
  resource_group_name = var.resource_group_name
  location            = "global"
  scopes              = length(each.value.scopes) > 0 ? tolist(each.value.scopes) : [data.azurerm_subscription.current.id]
  description         = each.value.description
  enabled             = true
  tags                = var.tags

  criteria {
    category        = each.value.category
    operation_name  = each.value.operation_name
    levels          = length(each.value.levels) > 0 ? tolist(each.value.levels) : null
    statuses        = length(each.value.statuses) > 0 ? tolist(each.value.statuses) : null
    resource_groups = length(each.value.resource_groups) > 0 ? tolist(each.value.resource_groups) : null

    # Only platform-caused loss of health, not user-initiated stops or recoveries.
    dynamic "resource_health" {
      for_each = each.value.category == "ResourceHealth" ? [1] : []
      content {
        current = ["Degraded", "Unavailable"]
        reason  = ["PlatformInitiated", "Unknown"]
      }
    }

    dynamic "service_health" {
      for_each = each.value.category == "ServiceHealth" ? [1] : []
      content {
        events = ["Incident", "Maintenance", "Security", "ActionRequired"]
      }
    }
  }

  dynamic "action" {
    for_each = local.action_group_ids
    content {
      action_group_id = action.value
    }
  }
}

resource "azurerm_monitor_metric_alert" "this" {
  for_each = var.metric_alerts

  name                     = "ma-${trimprefix(var.name, "log-")}-${each.key}"
  resource_group_name      = var.resource_group_name
  scopes                   = tolist(each.value.scopes)
  description              = each.value.description
  severity                 = each.value.severity
  frequency                = each.value.frequency
  window_size              = each.value.window_size
  auto_mitigate            = each.value.auto_mitigate
  target_resource_type     = each.value.target_resource_type
  target_resource_location = each.value.target_resource_location
  enabled                  = true
  tags                     = var.tags

  dynamic "criteria" {
    for_each = each.value.criteria
    content {
      metric_namespace = criteria.value.metric_namespace
      metric_name      = criteria.value.metric_name
      aggregation      = criteria.value.aggregation
      operator         = criteria.value.operator
      threshold        = criteria.value.threshold

      dynamic "dimension" {
        for_each = criteria.value.dimensions
        content {
          name     = dimension.value.name
          operator = dimension.value.operator
          values   = dimension.value.values
        }
      }
    }
  }

  dynamic "action" {
    for_each = local.action_group_ids
    content {
      action_group_id = action.value
    }
  }
}
