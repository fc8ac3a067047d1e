output "resource_group_name" {
  description = "Name of the stack's resource group."
  value       = azurerm_resource_group.this.name
}

output "url" {
  description = "The URL users open (the Application Gateway's HTTPS listener); null without ingress."
  value       = try(module.gateway[0].url, null)
}

output "ingress_public_ip_address" {
  description = "Public IP of the gateway (point a custom host name's DNS record here)."
  value       = try(module.gateway[0].public_ip_address, null)
}

output "app_name" {
  description = "Name of the web app."
  value       = module.app.name
}

output "staging_slot_hostname" {
  description = "Hostname of the staging slot, reachable through its own private endpoint (smoke tests from the ops subnet)."
  value       = module.app.staging_slot_default_hostname
}

output "active_model_deployment" {
  description = "Model deployment the production slot uses."
  value       = var.active_model_deployment
}

output "postgres_app_role_sql" {
  description = "One-time SQL that creates the app identity's least-privilege PostgreSQL role (azurerm cannot create roles). Run it as the Entra administrator from the ops subnet (README)."
  value       = <<-SQL
    -- 1) connected to the "postgres" database, as the Entra administrator:
    SELECT * FROM pgaadauth_create_principal_with_oid('${module.app.identity_name}', '${module.app.principal_id}', 'service', false, false);
    -- 2) connected to the "${var.postgres_database_name}" database:
    GRANT CONNECT, TEMPORARY ON DATABASE "${var.postgres_database_name}" TO "${module.app.identity_name}";
    GRANT USAGE, CREATE ON SCHEMA public TO "${module.app.identity_name}";
  SQL
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
