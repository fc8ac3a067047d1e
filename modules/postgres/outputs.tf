output "resource_id" {
  description = "Resource id of the PostgreSQL flexible server."
  value       = azurerm_postgresql_flexible_server.this.id
}

output "name" {
  description = "Name of the PostgreSQL flexible server."
  value       = azurerm_postgresql_flexible_server.this.name
}

output "fqdn" {
  description = "FQDN of the server (<name>.postgres.database.azure.com; resolves to the private endpoint through privatelink.postgres.database.azure.com)."
  value       = azurerm_postgresql_flexible_server.this.fqdn
}

output "database_names" {
  description = "Names of the databases created."
  value       = [for k, db in azurerm_postgresql_flexible_server_database.this : db.name]
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
