# ---------------------------------------------------------------------------------------------------------------------
# Required
# ---------------------------------------------------------------------------------------------------------------------

variable "name" {
  type        = string
  description = "Name of the PostgreSQL flexible server (globally unique: <name>.postgres.database.azure.com)."
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be 3-63 characters of lowercase letters, digits and '-', and start and end with a letter or digit."
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

variable "tenant_id" {
  type        = string
  description = "Entra tenant id used for Entra ID authentication and the administrators."
  nullable    = false

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.tenant_id))
    error_message = "tenant_id must be a GUID."
  }
}

variable "administrators" {
  type = map(object({
    object_id      = string
    principal_name = string
    principal_type = optional(string, "ServicePrincipal")
  }))
  description = "Entra administrators of the server (at least one: password authentication is off, so nobody else can log in). principal_type: ServicePrincipal (a managed identity: principal_name = the identity's name), Group or User. Map keys must be static."
  nullable    = false

  validation {
    condition     = length(var.administrators) > 0
    error_message = "administrators must hold at least one Entra principal (e.g. the app's managed identity or a DBA group): password authentication is off, so without one nobody can log in."
  }

  validation {
    condition     = alltrue([for a in values(var.administrators) : contains(["ServicePrincipal", "Group", "User"], a.principal_type)])
    error_message = "administrators[*].principal_type must be \"ServicePrincipal\", \"Group\" or \"User\"."
  }
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
  description = "Diagnostic settings sending logs (category groups) and metrics to Log Analytics. Map key is arbitrary."
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
  description = "Private endpoints for the resource (subresource postgresqlServer, zone privatelink.postgres.database.azure.com). Map key is arbitrary (known at plan)."
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

# ---------------------------------------------------------------------------------------------------------------------
# Server
# ---------------------------------------------------------------------------------------------------------------------

variable "postgresql_version" {
  type        = string
  default     = "16"
  nullable    = false
  description = "Major PostgreSQL version, \"16\" or \"17\". Lowering it plans a replacement (blocked by prevent_destroy); raise it with a major version upgrade."

  validation {
    condition     = contains(["16", "17"], var.postgresql_version)
    error_message = "postgresql_version must be \"16\" or \"17\"."
  }
}

variable "sku_name" {
  type        = string
  default     = "GP_Standard_D2ds_v5"
  nullable    = false
  description = "Compute SKU: B_Standard_* (Burstable, dev only, no HA), GP_Standard_D* (General Purpose) or MO_Standard_E* (Memory Optimized)."

  validation {
    condition     = can(regex("^(B|GP|MO)_Standard_[A-Za-z0-9_]+$", var.sku_name))
    error_message = "sku_name must look like B_Standard_B1ms, GP_Standard_D2ds_v5 or MO_Standard_E4ds_v5."
  }
}

variable "storage_mb" {
  type        = number
  default     = 32768
  nullable    = false
  description = "Storage size in MB. Only grows: a smaller value plans a replacement (blocked by prevent_destroy)."

  validation {
    condition     = contains([32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408], var.storage_mb)
    error_message = "storage_mb must be one of 32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408."
  }
}

variable "storage_tier" {
  type        = string
  default     = null
  description = "Storage performance tier (P4..P80). Default: the tier Azure picks for storage_mb."
}

variable "auto_grow_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Grow storage automatically before it fills up."
}

variable "zone" {
  type        = string
  default     = null
  description = "Availability zone of the primary (\"1\", \"2\", \"3\"). Changes made by Azure (failover) are ignored."
}

variable "high_availability" {
  type = object({
    mode                      = optional(string, "ZoneRedundant")
    standby_availability_zone = optional(string)
  })
  default     = { mode = "ZoneRedundant" }
  description = "High availability: ZoneRedundant (needs an AZ region) or SameZone. null disables HA (dev). Not available on Burstable (B_*) SKUs."

  validation {
    condition     = var.high_availability == null || contains(["ZoneRedundant", "SameZone"], try(var.high_availability.mode, ""))
    error_message = "high_availability.mode must be \"ZoneRedundant\" or \"SameZone\"; set high_availability = null to disable HA."
  }

  validation {
    condition     = var.high_availability == null || !startswith(var.sku_name, "B_")
    error_message = "High availability is not supported on Burstable (B_*) SKUs: use a GP_Standard_D* or MO_Standard_E* sku_name, or set high_availability = null."
  }
}

variable "backup_retention_days" {
  type        = number
  default     = 35
  nullable    = false
  description = "Point-in-time restore window in days (7-35)."

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35 && floor(var.backup_retention_days) == var.backup_retention_days
    error_message = "backup_retention_days must be a whole number between 7 and 35."
  }
}

variable "geo_redundant_backup_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Keep backups in the paired region (CKV_AZURE_136). Set at creation only."
}

variable "maintenance_window" {
  type = object({
    day_of_week  = optional(number, 0)
    start_hour   = optional(number, 2)
    start_minute = optional(number, 0)
  })
  default     = {}
  description = "Custom maintenance window (UTC; day_of_week 0 = Sunday). null: system-managed window."

  validation {
    condition = var.maintenance_window == null || (
      try(var.maintenance_window.day_of_week >= 0 && var.maintenance_window.day_of_week <= 6, false) &&
      try(var.maintenance_window.start_hour >= 0 && var.maintenance_window.start_hour <= 23, false) &&
      try(var.maintenance_window.start_minute >= 0 && var.maintenance_window.start_minute <= 59, false)
    )
    error_message = "maintenance_window needs day_of_week 0-6, start_hour 0-23 and start_minute 0-59."
  }
}

variable "password_authentication_enabled" {
  type        = bool
  default     = false
  nullable    = false
  description = "Password authentication. Must stay false: the stack is passwordless (Entra ID tokens only)."

  validation {
    condition     = var.password_authentication_enabled == false
    error_message = "password_authentication_enabled must stay false: connect with Entra ID tokens (managed identity) and add principals to administrators instead of using passwords."
  }
}

variable "databases" {
  type = map(object({
    charset   = optional(string, "UTF8")
    collation = optional(string, "en_US.utf8")
  }))
  default     = {}
  nullable    = false
  description = "Databases to create, keyed by name."
}

variable "server_configurations" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Server parameters, merged over the defaults (log_connections, log_disconnections, log_checkpoints, connection_throttle.enable = on, require_secure_transport = on, ssl_min_protocol_version = TLSv1.2)."

  validation {
    condition     = alltrue([for k in ["log_connections", "log_checkpoints", "connection_throttle.enable", "require_secure_transport"] : lower(lookup(var.server_configurations, k, "on")) == "on"])
    error_message = "server_configurations must not turn off log_connections, log_checkpoints, connection_throttle.enable or require_secure_transport (security baseline); remove them from server_configurations."
  }
}

variable "prevent_destroy" {
  type        = bool
  default     = true
  nullable    = false
  description = "Fail any plan that deletes or replaces the PostgreSQL server (its databases are lost with it) (a prevent_destroy sentinel). true in production; false lets a dev environment be torn down."
}
