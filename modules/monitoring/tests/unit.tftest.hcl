mock_provider "azurerm" {
  mock_data "azurerm_subscription" {
    defaults = {
      id              = "/subscriptions/00000000-0000-0000-0000-000000000000"
      subscription_id = "00000000-0000-0000-0000-000000000000"
    }
  }
}

variables {
  name                = "log-chat-unit"
  location            = "swedencentral"
  resource_group_name = "rg-unit"
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = azurerm_log_analytics_workspace.this.local_authentication_enabled == false
    error_message = "Log Analytics must have local_authentication_enabled = false"
  }
  assert {
    condition     = azurerm_log_analytics_workspace.this.retention_in_days == 90 && azurerm_log_analytics_workspace.this.daily_quota_gb == 10 && azurerm_log_analytics_workspace.this.sku == "PerGB2018"
    error_message = "workspace: PerGB2018, 90 days retention, 10 GB daily quota by default"
  }
  assert {
    condition     = azurerm_application_insights.this.local_authentication_enabled == false
    error_message = "Application Insights must have local_authentication_enabled = false"
  }
  assert {
    condition     = azurerm_application_insights.this.application_type == "web" && azurerm_application_insights.this.name == "appi-chat-unit"
    error_message = "Application Insights: application_type web, name appi-<name without log->"
  }
  assert {
    condition     = azurerm_application_insights.this.ip_masking_enabled == true
    error_message = "client IPs must be masked"
  }
  assert {
    condition     = azurerm_monitor_diagnostic_setting.activity_log[0].target_resource_id == "/subscriptions/00000000-0000-0000-0000-000000000000"
    error_message = "the activity log setting must target the subscription (replaces the removed log profile)"
  }
  assert {
    condition = toset([for log in azurerm_monitor_diagnostic_setting.activity_log[0].enabled_log : log.category]) == toset([
      "Administrative", "Security", "ServiceHealth", "Alert", "Recommendation", "Policy", "Autoscale", "ResourceHealth",
    ])
    error_message = "the activity log setting must send all eight categories"
  }
  assert {
    condition     = azurerm_monitor_diagnostic_setting.activity_log[0].storage_account_id == null && length(azurerm_monitor_diagnostic_setting.activity_log[0].enabled_metric) == 0
    error_message = "no archive and no metrics by default"
  }
  assert {
    condition     = toset(keys(azurerm_monitor_activity_log_alert.this)) == toset(["service-health", "resource-health", "role-assignment-write", "lock-delete", "nsg-write", "policy-assignment-delete"])
    error_message = "the default activity log alerts must be created"
  }
  assert {
    condition     = azurerm_monitor_activity_log_alert.this["service-health"].scopes == toset(["/subscriptions/00000000-0000-0000-0000-000000000000"]) && azurerm_monitor_activity_log_alert.this["service-health"].location == "global"
    error_message = "activity log alerts default to the subscription scope"
  }
  assert {
    condition     = toset(azurerm_monitor_activity_log_alert.this["resource-health"].criteria[0].resource_health[0].current) == toset(["Degraded", "Unavailable"])
    error_message = "the resource health alert fires on Degraded/Unavailable only"
  }
  assert {
    condition     = toset(azurerm_monitor_activity_log_alert.this["service-health"].criteria[0].service_health[0].events) == toset(["Incident", "Maintenance", "Security", "ActionRequired"])
    error_message = "the service health alert covers incidents, maintenance, security and action-required events"
  }
  assert {
    condition     = azurerm_monitor_activity_log_alert.this["role-assignment-write"].criteria[0].operation_name == "Microsoft.Authorization/roleAssignments/write"
    error_message = "the role assignment alert must watch roleAssignments/write"
  }
  assert {
    condition     = length(azurerm_monitor_action_group.this) == 0 && output.action_group_id == null
    error_message = "no action group by default"
  }
  assert {
    condition     = length(azurerm_monitor_private_link_scope.this) == 0 && azurerm_log_analytics_workspace.this.internet_ingestion_enabled == true
    error_message = "no AMPLS by default, public ingestion stays on"
  }
}

run "alerts_with_action_group" {
  command = plan

  variables {
    action_group = {
      short_name        = "chatops"
      email_receivers   = { oncall = "oncall@example.com" }
      webhook_receivers = { pager = "https://pager.example.com/hook" }
    }
    metric_alerts = {
      http5xx = {
        scopes      = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Web/sites/app-unit"]
        description = "5xx responses"
        severity    = 1
        criteria = [{
          metric_namespace = "Microsoft.Web/sites"
          metric_name      = "Http5xx"
          aggregation      = "Total"
          operator         = "GreaterThan"
          threshold        = 10
          dimensions       = [{ name = "Instance", values = ["*"] }]
        }]
      }
    }
    activity_log_archive_storage_account_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Storage/storageAccounts/stlogsunit"
  }

  assert {
    condition     = azurerm_monitor_action_group.this[0].short_name == "chatops" && azurerm_monitor_action_group.this[0].email_receiver[0].email_address == "oncall@example.com" && azurerm_monitor_action_group.this[0].email_receiver[0].use_common_alert_schema == true
    error_message = "the action group must hold the receivers"
  }
  assert {
    condition     = azurerm_monitor_metric_alert.this["http5xx"].severity == 1 && azurerm_monitor_metric_alert.this["http5xx"].frequency == "PT5M" && azurerm_monitor_metric_alert.this["http5xx"].window_size == "PT15M"
    error_message = "metric alert settings and defaults"
  }
  assert {
    condition     = azurerm_monitor_metric_alert.this["http5xx"].criteria[0].metric_name == "Http5xx" && azurerm_monitor_metric_alert.this["http5xx"].criteria[0].dimension[0].operator == "Include"
    error_message = "metric alert criteria and dimensions"
  }
  assert {
    condition     = length(azurerm_monitor_metric_alert.this["http5xx"].action) == 1 && length(azurerm_monitor_activity_log_alert.this["service-health"].action) == 1
    error_message = "alerts must notify the module's action group"
  }
  assert {
    condition     = azurerm_monitor_diagnostic_setting.activity_log[0].storage_account_id == var.activity_log_archive_storage_account_resource_id
    error_message = "the activity log must also be archived to the storage account when given"
  }
}

run "private_link_scope" {
  command = plan

  variables {
    private_link_scope         = {}
    internet_ingestion_enabled = false
    internet_query_enabled     = false
    private_endpoints = {
      pe = {
        subnet_resource_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe"
        private_dns_zone_resource_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/privateDnsZones/privatelink.monitor.azure.com"]
      }
    }
  }

  assert {
    condition     = azurerm_monitor_private_link_scope.this[0].ingestion_access_mode == "PrivateOnly" && azurerm_monitor_private_link_scope.this[0].query_access_mode == "PrivateOnly"
    error_message = "the AMPLS must be PrivateOnly by default"
  }
  assert {
    condition     = length(azurerm_monitor_private_link_scoped_service.workspace) == 1 && length(azurerm_monitor_private_link_scoped_service.application_insights) == 1
    error_message = "workspace and Application Insights must be scoped"
  }
  assert {
    condition     = azurerm_log_analytics_workspace.this.internet_ingestion_enabled == false && azurerm_application_insights.this.internet_query_enabled == false
    error_message = "public ingestion and query can be turned off with AMPLS"
  }
  assert {
    condition     = module.private_endpoint["pe"].name == "pe-log-chat-unit-pe"
    error_message = "the private endpoint must be created through the submodule"
  }
}

run "interfaces" {
  command = plan

  variables {
    activity_log_enabled = false
    activity_log_alerts  = {}
    diagnostic_settings = {
      central = { workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.OperationalInsights/workspaces/log-central" }
    }
    role_assignments = {
      readers = { role_definition_id_or_name = "Log Analytics Reader", principal_id = "11111111-1111-1111-1111-111111111111" }
    }
    lock = { kind = "CanNotDelete", name = "lock-log" }
  }

  assert {
    condition     = length(azurerm_monitor_diagnostic_setting.activity_log) == 0 && length(azurerm_monitor_activity_log_alert.this) == 0
    error_message = "the activity log setting and alerts can be turned off"
  }
  assert {
    condition     = [for log in azurerm_monitor_diagnostic_setting.this["central"].enabled_log : log.category_group] == ["allLogs"] && [for metric in azurerm_monitor_diagnostic_setting.this["central"].enabled_metric : metric.category] == ["AllMetrics"]
    error_message = "workspace diagnostics: allLogs + AllMetrics"
  }
  assert {
    condition     = azurerm_role_assignment.this["readers"].role_definition_name == "Log Analytics Reader"
    error_message = "role assignment by name"
  }
  assert {
    condition     = azurerm_management_lock.this[0].name == "lock-log" && azurerm_management_lock.this[0].lock_level == "CanNotDelete"
    error_message = "lock"
  }
}

run "rejects_short_retention" {
  command = plan
  variables {
    retention_in_days = 7
  }
  expect_failures = [var.retention_in_days]
}

run "rejects_bad_daily_quota" {
  command = plan
  variables {
    daily_quota_gb = 0
  }
  expect_failures = [var.daily_quota_gb]
}

run "rejects_private_ingestion_without_ampls" {
  command = plan
  variables {
    internet_ingestion_enabled = false
  }
  expect_failures = [var.internet_ingestion_enabled]
}

run "rejects_private_query_without_ampls" {
  command = plan
  variables {
    internet_query_enabled = false
  }
  expect_failures = [var.internet_query_enabled]
}

run "rejects_private_endpoints_without_ampls" {
  command = plan
  variables {
    private_endpoints = {
      pe = { subnet_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe" }
    }
  }
  expect_failures = [var.private_endpoints]
}

run "rejects_bad_ampls_mode" {
  command = plan
  variables {
    private_link_scope = { ingestion_access_mode = "Private" }
  }
  expect_failures = [var.private_link_scope]
}

run "rejects_unknown_activity_log_category" {
  command = plan
  variables {
    activity_log_categories = ["Administrative", "Write"]
  }
  expect_failures = [var.activity_log_categories]
}

run "rejects_long_action_group_short_name" {
  command = plan
  variables {
    action_group = { short_name = "chat-operations-team" }
  }
  expect_failures = [var.action_group]
}

run "rejects_bad_email" {
  command = plan
  variables {
    action_group = { short_name = "chatops", email_receivers = { oncall = "not-an-email" } }
  }
  expect_failures = [var.action_group]
}

run "rejects_http_webhook" {
  command = plan
  variables {
    action_group = { short_name = "chatops", webhook_receivers = { hook = "http://hook.example.com" } }
  }
  expect_failures = [var.action_group]
}

run "rejects_unknown_activity_alert_category" {
  command = plan
  variables {
    activity_log_alerts = { x = { category = "Alert" } }
  }
  expect_failures = [var.activity_log_alerts]
}

run "rejects_unfiltered_administrative_alert" {
  command = plan
  variables {
    activity_log_alerts = { writes = { category = "Administrative" } }
  }
  expect_failures = [var.activity_log_alerts]
}

run "rejects_window_shorter_than_frequency" {
  command = plan
  variables {
    metric_alerts = {
      cpu = {
        scopes      = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Web/serverFarms/asp-unit"]
        frequency   = "PT15M"
        window_size = "PT5M"
        criteria    = [{ metric_namespace = "Microsoft.Web/serverFarms", metric_name = "CpuPercentage", aggregation = "Average", operator = "GreaterThan", threshold = 80 }]
      }
    }
  }
  expect_failures = [var.metric_alerts]
}

run "rejects_bad_severity" {
  command = plan
  variables {
    metric_alerts = {
      cpu = {
        scopes   = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Web/serverFarms/asp-unit"]
        severity = 5
        criteria = [{ metric_namespace = "Microsoft.Web/serverFarms", metric_name = "CpuPercentage", aggregation = "Average", operator = "GreaterThan", threshold = 80 }]
      }
    }
  }
  expect_failures = [var.metric_alerts]
}

run "rejects_bad_aggregation" {
  command = plan
  variables {
    metric_alerts = {
      cpu = {
        scopes   = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Web/serverFarms/asp-unit"]
        criteria = [{ metric_namespace = "Microsoft.Web/serverFarms", metric_name = "CpuPercentage", aggregation = "Avg", operator = "GreaterThan", threshold = 80 }]
      }
    }
  }
  expect_failures = [var.metric_alerts]
}

run "rejects_multi_resource_alert_without_target" {
  command = plan
  variables {
    metric_alerts = {
      cpu = {
        scopes = [
          "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Web/serverFarms/asp-a",
          "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Web/serverFarms/asp-b",
        ]
        criteria = [{ metric_namespace = "Microsoft.Web/serverFarms", metric_name = "CpuPercentage", aggregation = "Average", operator = "GreaterThan", threshold = 80 }]
      }
    }
  }
  expect_failures = [var.metric_alerts]
}

run "rejects_empty_metric_alert" {
  command = plan
  variables {
    metric_alerts = {
      cpu = { scopes = [], criteria = [] }
    }
  }
  expect_failures = [var.metric_alerts]
}

run "rejects_bad_name" {
  command = plan
  variables {
    name = "log_chat"
  }
  expect_failures = [var.name]
}

run "rejects_bad_lock_kind" {
  command = plan
  variables {
    lock = { kind = "NoDelete" }
  }
  expect_failures = [var.lock]
}

run "rejects_bad_sampling_percentage" {
  command = plan
  variables {
    application_insights_sampling_percentage = 0
  }
  expect_failures = [var.application_insights_sampling_percentage]
}

run "rejects_unsupported_frequency" {
  command = plan
  variables {
    metric_alerts = {
      cpu = {
        scopes      = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Web/serverFarms/asp-unit"]
        frequency   = "PT10M"
        window_size = "PT1H"
        criteria    = [{ metric_namespace = "Microsoft.Web/serverFarms", metric_name = "CpuPercentage", aggregation = "Average", operator = "GreaterThan", threshold = 80 }]
      }
    }
  }
  expect_failures = [var.metric_alerts]
}
