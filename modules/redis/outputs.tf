output "resource_id" {
  description = "Resource id of the Managed Redis instance."
  value       = azurerm_managed_redis.this.id
}

output "name" {
  description = "Name of the Managed Redis instance."
  value       = azurerm_managed_redis.this.name
}

output "hostname" {
  description = "Hostname of the instance (<name>.<region>.redis.azure.net; resolves to the private endpoint through privatelink.redis.azure.net)."
  value       = azurerm_managed_redis.this.hostname
}

output "port" {
  description = "TLS port of the default database (10000)."
  value       = coalesce(azurerm_managed_redis.this.default_database[0].port, 10000)
}

output "database_id" {
  description = "Resource id of the default database."
  value       = azurerm_managed_redis.this.default_database[0].id
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
