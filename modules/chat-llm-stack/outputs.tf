output "resource_group_name" {
  description = "Name of the stack's resource group."
  value       = azurerm_resource_group.this.name
}

output "app_name" {
  description = "Name of the web app (slot swaps: az webapp deployment slot swap -n <app_name> -g <resource_group_name> --slot staging)."
  value       = module.app.name
}

output "app_default_hostname" {
  description = "Default hostname of the web app (private: reachable through its private endpoint / front door only)."
  value       = module.app.default_hostname
}

output "app_identity_client_id" {
  description = "Client id of the app's user-assigned identity."
  value       = module.app.client_id
}

output "app_identity_principal_id" {
  description = "Principal id of the app's user-assigned identity."
  value       = module.app.principal_id
}

output "registry_login_server" {
  description = "Login server of the container registry (push the app image here)."
  value       = module.registry.login_server
}

output "key_vault_uri" {
  description = "URI of the app's Key Vault."
  value       = module.keyvault.vault_uri
}

output "postgres_fqdn" {
  description = "FQDN of the PostgreSQL server."
  value       = module.postgres.fqdn
}

output "redis_hostname" {
  description = "Hostname of Managed Redis (port 10000, TLS)."
  value       = module.redis.hostname
}

output "foundry_endpoint" {
  description = "Endpoint of the Foundry account."
  value       = module.ai.endpoint
}

output "model_deployment_names" {
  description = "Model deployments on the Foundry account."
  value       = module.ai.deployment_names
}

output "log_analytics_workspace_id" {
  description = "Resource id of the Log Analytics workspace."
  value       = module.monitoring.resource_id
}

output "ml_workspace_id" {
  description = "Resource id of the ML workspace (null when ml_enabled = false)."
  value       = try(module.ml[0].resource_id, null)
}
