output "resource_id" {
  description = "Resource id of the container registry."
  value       = azurerm_container_registry.this.id
}

output "name" {
  description = "Name of the container registry."
  value       = azurerm_container_registry.this.name
}

output "login_server" {
  description = "Login server, e.g. crchatprod.azurecr.io (use https://<login_server> as docker_registry_url)."
  value       = azurerm_container_registry.this.login_server
}

output "data_endpoint_host_names" {
  description = "Dedicated data endpoint host names (<name>.<region>.data.azurecr.io)."
  value       = azurerm_container_registry.this.data_endpoint_host_names
}

output "system_assigned_principal_id" {
  description = "Principal id of the system-assigned identity, or null."
  value       = try(azurerm_container_registry.this.identity[0].principal_id, null)
}

output "private_endpoints" {
  description = "Private endpoints keyed like the input: resource_id and private_ip_address."
  value       = { for key, endpoint in module.private_endpoint : key => { resource_id = endpoint.resource_id, private_ip_address = endpoint.private_ip_address } }
}
