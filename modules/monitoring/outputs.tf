output "resource_id" {
  description = "Resource id of the Log Analytics workspace (the workspace_resource_id of diagnostic settings)."
  value       = azurerm_log_analytics_workspace.this.id
}

output "name" {
  description = "Name of the Log Analytics workspace."
  value       = azurerm_log_analytics_workspace.this.name
}

output "workspace_customer_id" {
  description = "Workspace (customer) id GUID used by agents and queries."
  value       = azurerm_log_analytics_workspace.this.workspace_id
}

output "application_insights_id" {
  description = "Resource id of the Application Insights component."
  value       = azurerm_application_insights.this.id
}

output "application_insights_name" {
  description = "Name of the Application Insights component."
  value       = azurerm_application_insights.this.name
}

output "application_insights_app_id" {
  description = "Application id of the Application Insights component."
  value       = azurerm_application_insights.this.app_id
}

output "connection_string" {
  description = "Application Insights connection string (APPLICATIONINSIGHTS_CONNECTION_STRING). Local auth is off, so senders also need Monitoring Metrics Publisher and Entra ID auth (APPLICATIONINSIGHTS_AUTHENTICATION_STRING)."
  value       = azurerm_application_insights.this.connection_string
  sensitive   = true
}

output "action_group_id" {
  description = "Resource id of the module's action group, or null."
  value       = one(azurerm_monitor_action_group.this[*].id)
}

output "activity_log_diagnostic_setting_id" {
  description = "Id of the subscription activity-log diagnostic setting, or null when disabled."
  value       = one(azurerm_monitor_diagnostic_setting.activity_log[*].id)
}

output "private_link_scope_id" {
  description = "Resource id of the Azure Monitor Private Link Scope, or null."
  value       = one(azurerm_monitor_private_link_scope.this[*].id)
}

output "private_endpoints" {
  description = "Private endpoints keyed like the input: resource_id and private_ip_address."
  value       = { for key, endpoint in module.private_endpoint : key => { resource_id = endpoint.resource_id, private_ip_address = endpoint.private_ip_address } }
}
