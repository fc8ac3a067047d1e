resource "azurerm_managed_redis" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags

  sku_name                  = var.sku_name
  high_availability_enabled = var.high_availability_enabled
  public_network_access     = "Disabled"

  default_database {
    # TLS only (port 10000) and Entra ID only: no access keys to leak or rotate.
    client_protocol                    = "Encrypted"
    access_keys_authentication_enabled = false
    clustering_policy                  = var.clustering_policy
    eviction_policy                    = var.eviction_policy
    geo_replication_group_name         = var.geo_replication_group_name

    persistence_append_only_file_backup_frequency = try(var.persistence.aof_backup_frequency, null)
    persistence_redis_database_backup_frequency   = try(var.persistence.rdb_backup_frequency, null)

    dynamic "module" {
      for_each = var.redis_modules
      content {
        name = module.value.name
        args = module.value.args
      }
    }
  }
}

# Entra ID data access: the built-in "default" access policy for each principal (e.g. the app's managed identity).
resource "azurerm_managed_redis_access_policy_assignment" "this" {
  for_each = var.access_policy_assignments

  managed_redis_id = azurerm_managed_redis.this.id
  object_id        = each.value.object_id
}
