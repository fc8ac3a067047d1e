output "resource_id" {
  description = "Resource id of the private endpoint."
  value       = azurerm_private_endpoint.this.id
}

output "name" {
  description = "Name of the private endpoint."
  value       = azurerm_private_endpoint.this.name
}

output "private_ip_address" {
  description = "Private IP address of the endpoint in the subnet."
  value       = azurerm_private_endpoint.this.private_service_connection[0].private_ip_address
}

output "network_interface_name" {
  description = "Name of the endpoint's network interface."
  value       = azurerm_private_endpoint.this.custom_network_interface_name
}
