output "resource_id" {
  description = "Resource id of the web app."
  value       = azurerm_linux_web_app.this.id
}

output "name" {
  description = "Name of the web app."
  value       = azurerm_linux_web_app.this.name
}

output "default_hostname" {
  description = "Default hostname of the web app (<name>.azurewebsites.net)."
  value       = azurerm_linux_web_app.this.default_hostname
}

output "service_plan_id" {
  description = "Resource id of the App Service plan."
  value       = azurerm_service_plan.this.id
}

output "staging_slot_id" {
  description = "Resource id of the staging slot (null when staging_slot_enabled = false)."
  value       = try(azurerm_linux_web_app_slot.staging[0].id, null)
}

output "staging_slot_default_hostname" {
  description = "Default hostname of the staging slot (null when staging_slot_enabled = false)."
  value       = try(azurerm_linux_web_app_slot.staging[0].default_hostname, null)
}

output "identity_resource_id" {
  description = "Resource id of the app's user-assigned identity."
  value       = azurerm_user_assigned_identity.this.id
}

output "identity_name" {
  description = "Name of the app's user-assigned identity (the PostgreSQL Entra principal name)."
  value       = azurerm_user_assigned_identity.this.name
}

output "principal_id" {
  description = "Principal (object) id of the app's user-assigned identity: use it for role assignments, the PostgreSQL Entra administrator and the Redis access policy assignment."
  value       = azurerm_user_assigned_identity.this.principal_id
}

output "client_id" {
  description = "Client id of the app's user-assigned identity (AZURE_CLIENT_ID for SDKs)."
  value       = azurerm_user_assigned_identity.this.client_id
}

output "private_endpoints" {
  description = "Private endpoints keyed like the input: resource_id and private_ip_address."
  value = {
    for k, pe in module.private_endpoint : k => {
      resource_id        = pe.resource_id
      private_ip_address = pe.private_ip_address
    }
  }
}
