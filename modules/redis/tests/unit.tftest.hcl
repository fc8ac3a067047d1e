mock_provider "azurerm" {}

variables {
  name                = "redis-unit-01"
  location            = "swedencentral"
  resource_group_name = "rg-unit"
  access_policy_assignments = {
    app = { object_id = "00000000-0000-0000-0000-000000000002" }
  }
  private_endpoints = {
    pe = {
      subnet_resource_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe"
      private_dns_zone_resource_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net"]
    }
  }
  diagnostic_settings = {
    law = {
      workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.OperationalInsights/workspaces/log-unit"
    }
  }
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = azurerm_managed_redis.this.sku_name == "Balanced_B1"
    error_message = "Balanced_B1 by default"
  }
  assert {
    condition     = azurerm_managed_redis.this.high_availability_enabled == true
    error_message = "high availability must be on"
  }
  # Equivalent of CKV_AZURE_89 (public access off).
  assert {
    condition     = azurerm_managed_redis.this.public_network_access == "Disabled"
    error_message = "public network access must be Disabled"
  }
  # Equivalent of CKV_AZURE_91/148 (TLS only).
  assert {
    condition     = azurerm_managed_redis.this.default_database[0].client_protocol == "Encrypted"
    error_message = "client protocol must be Encrypted (TLS)"
  }
  assert {
    condition     = azurerm_managed_redis.this.default_database[0].access_keys_authentication_enabled == false
    error_message = "access keys must be off (Entra ID only)"
  }
  assert {
    condition     = azurerm_managed_redis.this.default_database[0].clustering_policy == "EnterpriseCluster" && azurerm_managed_redis.this.default_database[0].eviction_policy == "VolatileLRU"
    error_message = "EnterpriseCluster with VolatileLRU by default"
  }
  assert {
    condition     = azurerm_managed_redis_access_policy_assignment.this["app"].object_id == "00000000-0000-0000-0000-000000000002"
    error_message = "the app identity must get an access policy assignment"
  }
  assert {
    condition     = module.private_endpoint["pe"].name == "pe-redis-unit-01-pe"
    error_message = "a private endpoint must be created"
  }
  assert {
    condition     = length(azurerm_monitor_diagnostic_setting.this["law-cluster"].enabled_metric) == 1 && length(azurerm_monitor_diagnostic_setting.this["law-database"].enabled_log) == 1
    error_message = "metrics on the cluster and connection logs on the database"
  }
}

run "persistence_rdb" {
  command = plan
  variables {
    persistence = { rdb_backup_frequency = "6h" }
  }
  assert {
    condition     = azurerm_managed_redis.this.default_database[0].persistence_redis_database_backup_frequency == "6h" && azurerm_managed_redis.this.default_database[0].persistence_append_only_file_backup_frequency == null
    error_message = "RDB persistence must be set"
  }
}

run "rejects_balanced_b0" {
  command = plan
  variables {
    sku_name = "Balanced_B0"
  }
  expect_failures = [var.sku_name]
}

run "rejects_enterprise_sku" {
  command = plan
  variables {
    sku_name = "Enterprise_E10-2"
  }
  expect_failures = [var.sku_name]
}

run "rejects_geo_replication_on_b1" {
  command = plan
  variables {
    geo_replication_group_name = "chat-geo"
  }
  expect_failures = [var.sku_name]
}

run "rejects_persistence_with_geo_replication" {
  command = plan
  variables {
    sku_name                   = "Balanced_B3"
    geo_replication_group_name = "chat-geo"
    persistence                = { aof_backup_frequency = "1s" }
  }
  expect_failures = [var.persistence]
}

run "rejects_both_persistence_methods" {
  command = plan
  variables {
    persistence = { aof_backup_frequency = "1s", rdb_backup_frequency = "1h" }
  }
  expect_failures = [var.persistence]
}

run "rejects_bad_rdb_frequency" {
  command = plan
  variables {
    persistence = { rdb_backup_frequency = "2h" }
  }
  expect_failures = [var.persistence]
}

run "rejects_modules_not_allowed_with_geo_replication" {
  command = plan
  variables {
    sku_name                   = "Balanced_B3"
    geo_replication_group_name = "chat-geo"
    redis_modules              = [{ name = "RedisBloom" }]
  }
  expect_failures = [var.redis_modules]
}

run "rejects_redisearch_with_eviction" {
  command = plan
  variables {
    redis_modules = [{ name = "RediSearch" }]
  }
  expect_failures = [var.redis_modules]
}

run "rejects_bad_clustering_policy" {
  command = plan
  variables {
    clustering_policy = "Cluster"
  }
  expect_failures = [var.clustering_policy]
}

run "rejects_bad_eviction_policy" {
  command = plan
  variables {
    eviction_policy = "LRU"
  }
  expect_failures = [var.eviction_policy]
}

run "rejects_bad_lock_kind" {
  command = plan
  variables {
    lock = { kind = "Delete" }
  }
  expect_failures = [var.lock]
}

run "rejects_bad_name" {
  command = plan
  variables {
    name = "redis--unit"
  }
  expect_failures = [var.name]
}

run "rejects_bad_aof_frequency" {
  command = plan
  variables {
    persistence = { aof_backup_frequency = "1m" }
  }
  expect_failures = [var.persistence]
}

run "rejects_unknown_module" {
  command = plan
  variables {
    redis_modules = [{ name = "RedisGraph" }]
  }
  expect_failures = [var.redis_modules]
}
