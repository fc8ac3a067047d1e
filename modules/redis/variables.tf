# ---------------------------------------------------------------------------------------------------------------------
# Required
# ---------------------------------------------------------------------------------------------------------------------

variable "name" {
  type        = string
  description = "Name of the Managed Redis instance (host <name>.<region>.redis.azure.net)."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]{0,58}[a-zA-Z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "name must be 2-60 characters of letters, digits and single '-', and start and end with a letter or digit."
  }
}

variable "location" {
  type        = string
  description = "Azure region, e.g. swedencentral."
  nullable    = false
}

variable "resource_group_name" {
  type        = string
  description = "Name of the existing resource group."
  nullable    = false
}

# ---------------------------------------------------------------------------------------------------------------------
# AVM interfaces
# ---------------------------------------------------------------------------------------------------------------------

variable "tags" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Tags applied to every resource the module creates."
}

variable "diagnostic_settings" {
  type = map(object({
    name                           = optional(string)
    workspace_resource_id          = string
    log_groups                     = optional(set(string), ["allLogs"])
    metric_categories              = optional(set(string), ["AllMetrics"])
    log_analytics_destination_type = optional(string, "Dedicated")
  }))
  default     = {}
  nullable    = false
  description = "Diagnostic settings sending logs (category groups) and metrics to Log Analytics. Map key is arbitrary. Each entry creates two settings: metrics on the cluster, connection audit logs on the default database."
}

variable "private_endpoints" {
  type = map(object({
    name                          = optional(string)
    subnet_resource_id            = string
    private_dns_zone_resource_ids = optional(set(string), [])
    tags                          = optional(map(string))
  }))
  default     = {}
  nullable    = false
  description = "Private endpoints for the resource (subresource redisEnterprise, zone privatelink.redis.azure.net). Map key is arbitrary (known at plan)."
}

variable "role_assignments" {
  type = map(object({
    role_definition_id_or_name = string
    principal_id               = string
    principal_type             = optional(string)
    description                = optional(string)
  }))
  default     = {}
  nullable    = false
  description = "Role assignments on the resource. role_definition_id_or_name is a built-in role name or a role definition resource id."
}

variable "lock" {
  type = object({
    kind = string
    name = optional(string)
  })
  default     = null
  description = "Management lock on the resource: kind CanNotDelete or ReadOnly."

  validation {
    condition     = var.lock == null || contains(["CanNotDelete", "ReadOnly"], try(var.lock.kind, ""))
    error_message = "lock.kind must be \"CanNotDelete\" or \"ReadOnly\"; set lock = null for no lock."
  }
}

variable "access_policy_assignments" {
  type = map(object({
    object_id = string
  }))
  default     = {}
  nullable    = false
  description = "Entra principals (object ids, e.g. the app's managed identity principal_id) that get the built-in default data access policy. Map keys must be static."
}

# ---------------------------------------------------------------------------------------------------------------------
# Cache
# ---------------------------------------------------------------------------------------------------------------------

variable "sku_name" {
  type        = string
  default     = "Balanced_B1"
  nullable    = false
  description = "Managed Redis SKU: Balanced_B1 or larger, ComputeOptimized_X*, MemoryOptimized_M* or FlashOptimized_A*. Changing it may recreate the instance."

  validation {
    condition     = can(regex("^(Balanced_B(1|3|5|10|20|50|100|150|250|350|500|700|1000)|ComputeOptimized_X(3|5|10|20|50|100|150|250|350|500|700)|MemoryOptimized_M(10|20|50|100|150|250|350|500|700|1000|1500|2000)|FlashOptimized_A(250|500|700|1000|1500|2000|4500))$", var.sku_name))
    error_message = "sku_name must be a Managed Redis SKU of Balanced_B1 or larger (Balanced_B0 is a 0.5 GB dev/test size), e.g. Balanced_B1, Balanced_B5, MemoryOptimized_M10; Enterprise_* / EnterpriseFlash_* SKUs are not Managed Redis."
  }

  validation {
    condition     = var.geo_replication_group_name == null || !contains(["Balanced_B0", "Balanced_B1"], var.sku_name)
    error_message = "Geo-replication needs Balanced_B3 or larger: raise sku_name or set geo_replication_group_name = null."
  }
}

variable "high_availability_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Replicate data across zones (the SLA needs it). Changing it recreates the instance."
}

variable "clustering_policy" {
  type        = string
  default     = "EnterpriseCluster"
  nullable    = false
  description = "EnterpriseCluster (single endpoint, works with every client), OSSCluster (cluster-aware clients, scales further) or NoCluster. Changing it recreates the database and loses its data."

  validation {
    condition     = contains(["EnterpriseCluster", "OSSCluster", "NoCluster"], var.clustering_policy)
    error_message = "clustering_policy must be \"EnterpriseCluster\", \"OSSCluster\" or \"NoCluster\"."
  }
}

variable "eviction_policy" {
  type        = string
  default     = "VolatileLRU"
  nullable    = false
  description = "Eviction policy when memory is full. VolatileLRU evicts keys with a TTL (cache entries) and keeps keys without one."

  validation {
    condition     = contains(["AllKeysLFU", "AllKeysLRU", "AllKeysRandom", "VolatileLRU", "VolatileLFU", "VolatileTTL", "VolatileRandom", "NoEviction"], var.eviction_policy)
    error_message = "eviction_policy must be one of AllKeysLFU, AllKeysLRU, AllKeysRandom, VolatileLRU, VolatileLFU, VolatileTTL, VolatileRandom, NoEviction."
  }
}

variable "persistence" {
  type = object({
    aof_backup_frequency = optional(string)
    rdb_backup_frequency = optional(string)
  })
  default     = null
  description = "Persistence: either AOF (aof_backup_frequency = \"1s\") or RDB snapshots (rdb_backup_frequency = \"1h\", \"6h\" or \"12h\"), not both; not with geo-replication. null: no persistence (a cache)."

  validation {
    condition     = var.persistence == null || (try(var.persistence.aof_backup_frequency, null) == null) != (try(var.persistence.rdb_backup_frequency, null) == null)
    error_message = "persistence takes exactly one of aof_backup_frequency or rdb_backup_frequency; set the other to null (or persistence = null for none)."
  }

  validation {
    condition     = var.persistence == null || contains(["1s"], coalesce(try(var.persistence.aof_backup_frequency, null), "1s"))
    error_message = "persistence.aof_backup_frequency must be \"1s\"."
  }

  validation {
    condition     = var.persistence == null || contains(["1h", "6h", "12h"], coalesce(try(var.persistence.rdb_backup_frequency, null), "1h"))
    error_message = "persistence.rdb_backup_frequency must be \"1h\", \"6h\" or \"12h\"."
  }

  validation {
    condition     = var.persistence == null || var.geo_replication_group_name == null
    error_message = "Persistence cannot be combined with geo-replication: set persistence = null or geo_replication_group_name = null."
  }
}

variable "geo_replication_group_name" {
  type        = string
  default     = null
  description = "Active geo-replication group name (link members with azurerm_managed_redis_geo_replication). Changing it recreates the database and loses its data. Needs Balanced_B3 or larger; excludes persistence."
}

variable "redis_modules" {
  type = list(object({
    name = string
    args = optional(string)
  }))
  default     = []
  nullable    = false
  description = "Redis modules (RediSearch, RedisJSON, RedisBloom, RedisTimeSeries). Changing them recreates the database and loses its data. RediSearch needs EnterpriseCluster and NoEviction; with geo-replication only RediSearch and RedisJSON."

  validation {
    condition     = alltrue([for m in var.redis_modules : contains(["RediSearch", "RedisJSON", "RedisBloom", "RedisTimeSeries"], m.name)])
    error_message = "redis_modules[*].name must be RediSearch, RedisJSON, RedisBloom or RedisTimeSeries."
  }

  validation {
    condition     = var.geo_replication_group_name == null || alltrue([for m in var.redis_modules : contains(["RediSearch", "RedisJSON"], m.name)])
    error_message = "With geo-replication only the RediSearch and RedisJSON modules are allowed: remove the other modules or set geo_replication_group_name = null."
  }

  validation {
    condition     = !contains([for m in var.redis_modules : m.name], "RediSearch") || (var.clustering_policy == "EnterpriseCluster" && var.eviction_policy == "NoEviction")
    error_message = "RediSearch needs clustering_policy = \"EnterpriseCluster\" and eviction_policy = \"NoEviction\"."
  }
}
