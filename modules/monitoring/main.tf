locals {
  application_insights_name = coalesce(var.application_insights_name, "appi-${trimprefix(var.name, "log-")}")
}

resource "azurerm_log_analytics_workspace" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "PerGB2018"
  retention_in_days   = var.retention_in_days
  daily_quota_gb      = var.daily_quota_gb
  tags                = var.tags

  # Entra ID only: the shared keys cannot be used to ingest or query.
  local_authentication_enabled = false
  # Public ingestion/query stay on unless an Azure Monitor Private Link Scope carries the traffic.
  internet_ingestion_enabled = var.internet_ingestion_enabled
  internet_query_enabled     = var.internet_query_enabled
}

resource "azurerm_application_insights" "this" {
  name                 = local.application_insights_name
  location             = var.location
  resource_group_name  = var.resource_group_name
  application_type     = "web"
  workspace_id         = azurerm_log_analytics_workspace.this.id # workspace-based (classic is retired)
  sampling_percentage  = var.application_insights_sampling_percentage
  daily_data_cap_in_gb = var.application_insights_daily_data_cap_in_gb
  tags                 = var.tags

  local_authentication_enabled = false # telemetry must be sent with an Entra ID token (Monitoring Metrics Publisher)
  ip_masking_enabled           = true
  internet_ingestion_enabled   = var.internet_ingestion_enabled
  internet_query_enabled       = var.internet_query_enabled
}
