variable "name" {
  type        = string
  description = "Name of the Key Vault (globally unique; 3-24 characters)."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "name must be 3-24 characters of letters, digits and '-', start with a letter, end with a letter or digit, and not contain \"--\"."
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

variable "tenant_id" {
  type        = string
  default     = null
  description = "Entra ID tenant of the vault. Default: the tenant of the identity running Terraform."

  validation {
    condition     = var.tenant_id == null || can(regex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", var.tenant_id))
    error_message = "tenant_id must be a GUID."
  }
}

variable "sku_name" {
  type        = string
  default     = "standard"
  nullable    = false
  description = "standard or premium (premium for HSM-backed keys)."

  validation {
    condition     = contains(["standard", "premium"], var.sku_name)
    error_message = "sku_name must be \"standard\" or \"premium\" (lowercase)."
  }
}

variable "purge_protection_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Purge protection. Always true: Azure cannot turn it off once on, and the baseline requires it (CKV_AZURE_110)."

  validation {
    condition     = var.purge_protection_enabled
    error_message = "purge_protection_enabled cannot be false: purge protection cannot be disabled once enabled (the update fails at apply) and the baseline requires it (CKV_AZURE_110). For throw-away vaults use a new name per run instead."
  }
}

variable "soft_delete_retention_days" {
  type        = number
  default     = 90
  nullable    = false
  description = "Soft-delete retention (7-90 days). Set once: it cannot be changed after creation."

  validation {
    condition     = var.soft_delete_retention_days >= 7 && var.soft_delete_retention_days <= 90 && floor(var.soft_delete_retention_days) == var.soft_delete_retention_days
    error_message = "soft_delete_retention_days must be a whole number between 7 and 90."
  }
}

variable "public_network_access_enabled" {
  type        = bool
  default     = false
  nullable    = false
  description = "Public endpoint. Off by default (CKV_AZURE_189); reach the vault through private_endpoints. Even when on, network_acls deny everything but ip_rules, subnets and trusted Azure services."
}

variable "network_acls" {
  type = object({
    bypass                     = optional(string, "AzureServices")
    ip_rules                   = optional(set(string), [])
    virtual_network_subnet_ids = optional(set(string), [])
  })
  default     = {}
  nullable    = false
  description = "Firewall exceptions; default_action is always Deny (CKV_AZURE_109, trivy AZU-0013). ip_rules only apply with public_network_access_enabled = true."

  validation {
    condition     = contains(["AzureServices", "None"], var.network_acls.bypass)
    error_message = "network_acls.bypass must be \"AzureServices\" or \"None\"."
  }

  validation {
    condition     = length(var.network_acls.ip_rules) == 0 || var.public_network_access_enabled
    error_message = "network_acls.ip_rules are ignored while public_network_access_enabled = false; set public_network_access_enabled = true to use them, or remove the ip_rules and use private_endpoints."
  }

  validation {
    condition     = alltrue([for rule in var.network_acls.ip_rules : can(cidrhost(strcontains(rule, "/") ? rule : "${rule}/32", 0))]) && !anytrue([for rule in var.network_acls.ip_rules : contains(["0.0.0.0/0", "0.0.0.0"], rule)])
    error_message = "network_acls.ip_rules must be IPv4 addresses or CIDR ranges, and not 0.0.0.0/0."
  }
}

variable "secrets" {
  type = map(object({
    name             = optional(string)
    value_wo_version = number
    content_type     = string
    expiration_date  = string
    not_before_date  = optional(string)
    tags             = optional(map(string))
  }))
  default     = {}
  nullable    = false
  description = "Secrets (metadata only; values come from secret_values). name defaults to the map key. Bump value_wo_version to write a new value. content_type (CKV_AZURE_114) and an RFC 3339 expiration_date (CKV_AZURE_41) are required."

  validation {
    condition     = alltrue([for key, secret in var.secrets : can(regex("^[a-zA-Z0-9-]{1,127}$", coalesce(secret.name, key)))])
    error_message = "secret names (name or the map key) must be 1-127 characters of letters, digits and '-'."
  }

  validation {
    condition     = alltrue([for secret in values(var.secrets) : length(trimspace(secret.content_type)) > 0])
    error_message = "secrets[*].content_type must not be empty (e.g. \"text/plain\", \"application/x-connection-string\")."
  }

  validation {
    condition     = alltrue([for secret in values(var.secrets) : can(timecmp(secret.expiration_date, "2000-01-01T00:00:00Z")) && (secret.not_before_date == null || can(timecmp(secret.not_before_date, "2000-01-01T00:00:00Z")))])
    error_message = "secrets[*].expiration_date and not_before_date must be RFC 3339 timestamps, e.g. \"2027-06-30T00:00:00Z\"."
  }

  validation {
    condition     = alltrue([for secret in values(var.secrets) : secret.not_before_date == null || try(timecmp(secret.not_before_date, secret.expiration_date) < 0, true)])
    error_message = "secrets[*].not_before_date must be earlier than expiration_date."
  }

  validation {
    condition     = alltrue([for secret in values(var.secrets) : secret.value_wo_version >= 1 && floor(secret.value_wo_version) == secret.value_wo_version])
    error_message = "secrets[*].value_wo_version must be a whole number >= 1; increase it to write a new value."
  }
}

variable "secret_values" {
  type        = map(string)
  default     = {}
  nullable    = false
  sensitive   = true
  ephemeral   = true
  description = "Secret values keyed like secrets. Ephemeral: used only for the write-only value_wo, never stored in plan or state (Terraform >= 1.11)."

  validation {
    condition     = toset(keys(var.secret_values)) == toset(keys(var.secrets))
    error_message = "secret_values must have exactly the keys of secrets (one value per secret, no extra values)."
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
  description = "Private endpoints (subresource vault; zone privatelink.vaultcore.azure.net). Map key is arbitrary."
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
  description = "Diagnostic settings (AuditEvent via allLogs, AllMetrics) to Log Analytics. Map key is arbitrary."
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
  description = "Role assignments on the vault, e.g. Key Vault Secrets User for the app identity, Key Vault Secrets Officer for the deployer."
}

variable "lock" {
  type = object({
    kind = string
    name = optional(string)
  })
  default     = null
  description = "Management lock on the vault: kind CanNotDelete or ReadOnly."

  validation {
    condition     = var.lock == null || contains(["CanNotDelete", "ReadOnly"], try(var.lock.kind, ""))
    error_message = "lock.kind must be \"CanNotDelete\" or \"ReadOnly\"; set lock = null for no lock."
  }
}

variable "rbac_propagation_wait" {
  type        = string
  default     = "60s"
  nullable    = false
  description = "How long to wait after the role assignments before writing secrets (RBAC propagation; a 403 otherwise). A duration like 60s or 2m; only used when both secrets and role_assignments are set."

  validation {
    condition     = can(regex("^[0-9]+(ms|s|m|h)$", var.rbac_propagation_wait))
    error_message = "rbac_propagation_wait must be a duration such as 30s, 60s or 2m."
  }
}

variable "prevent_destroy" {
  type        = bool
  default     = true
  nullable    = false
  description = "Fail any plan that deletes or replaces the Key Vault (its secrets are lost with it) (a prevent_destroy sentinel). true in production; false lets a dev environment be torn down."
}
