variable "name" {
  type        = string
  description = "Name of the container registry (globally unique; 5-50 letters and digits)."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9]{5,50}$", var.name))
    error_message = "name must be 5-50 letters and digits (no '-' or '_')."
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

variable "tags" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Tags applied to every resource the module creates."
}

variable "sku" {
  type        = string
  default     = "Premium"
  nullable    = false
  description = "Basic, Standard or Premium. Private endpoints, a disabled public endpoint, zone redundancy, retention, dedicated data endpoints and geo-replication all need Premium."

  validation {
    condition     = contains(["Basic", "Standard", "Premium"], var.sku)
    error_message = "sku must be \"Basic\", \"Standard\" or \"Premium\"."
  }

  validation {
    condition     = var.sku == "Premium" || (length(var.private_endpoints) == 0 && var.public_network_access_enabled)
    error_message = "Private endpoints and public_network_access_enabled = false need sku = \"Premium\" (Azure rejects them at apply); set sku = \"Premium\"."
  }

  validation {
    condition     = var.sku == "Premium" || (!var.zone_redundancy_enabled && !var.data_endpoint_enabled && var.retention_policy_in_days == null && length(var.georeplications) == 0 && length(var.allowed_ip_ranges) == 0)
    error_message = "zone_redundancy_enabled, data_endpoint_enabled, retention_policy_in_days, georeplications and allowed_ip_ranges need sku = \"Premium\"; set sku = \"Premium\" or turn those off."
  }
}

variable "public_network_access_enabled" {
  type        = bool
  default     = false
  nullable    = false
  description = "Public endpoint (CKV_AZURE_139). Off by default: pull through private_endpoints. When on, only allowed_ip_ranges get in and image export is allowed (Azure requires it)."
}

variable "allowed_ip_ranges" {
  type        = set(string)
  default     = []
  nullable    = false
  description = "IPv4 addresses/CIDRs allowed through the public endpoint (e.g. build agents). Needs public_network_access_enabled = true and Premium."

  validation {
    condition     = length(var.allowed_ip_ranges) == 0 || var.public_network_access_enabled
    error_message = "allowed_ip_ranges only apply with public_network_access_enabled = true; enable it or remove the ranges and push through the private endpoint."
  }

  validation {
    condition     = alltrue([for range in var.allowed_ip_ranges : can(cidrhost(strcontains(range, "/") ? range : "${range}/32", 0)) && !contains(["0.0.0.0/0", "0.0.0.0"], range)])
    error_message = "allowed_ip_ranges must be IPv4 addresses or CIDR ranges, and not 0.0.0.0/0."
  }
}

variable "network_rule_bypass_option" {
  type        = string
  default     = "AzureServices"
  nullable    = false
  description = "Let trusted Azure services (e.g. Defender for Cloud scanning, ACR Tasks) bypass the network rules: AzureServices or None."

  validation {
    condition     = contains(["AzureServices", "None"], var.network_rule_bypass_option)
    error_message = "network_rule_bypass_option must be \"AzureServices\" or \"None\"."
  }
}

variable "zone_redundancy_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Zone-redundant registry (CKV_AZURE_233). Set at creation; needs a region with availability zones."
}

variable "data_endpoint_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Dedicated regional data endpoints (CKV_AZURE_237): firewall rules can name <registry>.<region>.data.azurecr.io instead of *.blob.core.windows.net."
}

variable "retention_policy_in_days" {
  type        = number
  default     = 7
  description = "Days before untagged manifests are deleted (CKV_AZURE_167); null disables the policy (required for Basic/Standard)."

  validation {
    condition     = var.retention_policy_in_days == null || try(var.retention_policy_in_days >= 0 && var.retention_policy_in_days <= 365, false)
    error_message = "retention_policy_in_days must be between 0 and 365, or null."
  }
}

variable "quarantine_policy_enabled" {
  type        = bool
  default     = false
  nullable    = false
  description = "Quarantine pushed images until a scanner releases them (CKV_AZURE_166). Only enable with a scanning pipeline that un-quarantines images, else pulls fail."
}

variable "trust_policy_enabled" {
  type        = bool
  default     = false
  nullable    = false
  description = "Docker Content Trust. Must stay false: it cannot be enabled on new registries since 31 May 2026; sign images with Notation instead."

  validation {
    condition     = !var.trust_policy_enabled
    error_message = "trust_policy_enabled must be false: Docker Content Trust cannot be enabled on new registries since 31 May 2026 (the create fails). Sign images with Notation/Notary v2 and verify at deploy time instead."
  }
}

variable "georeplications" {
  type = list(object({
    location                  = string
    zone_redundancy_enabled   = optional(bool, true)
    regional_endpoint_enabled = optional(bool, false)
  }))
  default     = []
  nullable    = false
  description = "Geo-replicas (CKV_AZURE_165) in other regions (Premium)."

  validation {
    condition     = length(distinct([for replica in var.georeplications : lower(replica.location)])) == length(var.georeplications) && !contains([for replica in var.georeplications : replace(lower(replica.location), " ", "")], replace(lower(var.location), " ", ""))
    error_message = "georeplications locations must be distinct and differ from the registry's own location."
  }
}

variable "managed_identities" {
  type = object({
    system_assigned            = optional(bool, false)
    user_assigned_resource_ids = optional(set(string), [])
  })
  default     = {}
  nullable    = false
  description = "Managed identities of the registry (needed for customer-managed keys or ACR Tasks)."
}

variable "pull_principal_ids" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Principals granted AcrPull, keyed by a stable name (known at plan), e.g. { app = module.app.principal_id }."

  validation {
    condition     = alltrue([for id in values(var.pull_principal_ids) : can(regex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", id))])
    error_message = "pull_principal_ids values must be principal (object) id GUIDs."
  }
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
  description = "Private endpoints (subresource registry; zone privatelink.azurecr.io, which also carries the data endpoints). Map key is arbitrary."
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
  description = "Diagnostic settings (repository and login events, metrics) to Log Analytics. Map key is arbitrary."
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
  description = "Other role assignments on the registry (e.g. AcrPush for CI). role_definition_id_or_name is a built-in role name or a role definition resource id."
}

variable "lock" {
  type = object({
    kind = string
    name = optional(string)
  })
  default     = null
  description = "Management lock on the registry: kind CanNotDelete or ReadOnly."

  validation {
    condition     = var.lock == null || contains(["CanNotDelete", "ReadOnly"], try(var.lock.kind, ""))
    error_message = "lock.kind must be \"CanNotDelete\" or \"ReadOnly\"; set lock = null for no lock."
  }
}
