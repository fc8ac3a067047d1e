# ---------------------------------------------------------------------------------------------------------------------
# Required
# ---------------------------------------------------------------------------------------------------------------------

variable "name" {
  type        = string
  description = "Name of the Application Gateway."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9._-]{0,78}[a-zA-Z0-9_]$", var.name))
    error_message = "name must be 2-80 characters of letters, digits, '.', '_' and '-', starting with a letter or digit."
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

variable "subnet_resource_id" {
  type        = string
  description = "Subnet of the gateway (network module role gateway): used by nothing else, /26 or larger (/24 recommended)."
  nullable    = false

  validation {
    condition     = can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/virtualNetworks/[^/]+/subnets/[^/]+$", var.subnet_resource_id))
    error_message = "subnet_resource_id must be a subnet resource id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>."
  }
}

variable "backend_fqdn" {
  type        = string
  description = "Host name of the backend, the web app's default hostname (<app>.azurewebsites.net). The VNet's privatelink.azurewebsites.net zone resolves it to the app's private endpoint, so the gateway reaches the app privately."
  nullable    = false
}

variable "key_vault_resource_id" {
  type        = string
  description = "Key Vault holding the TLS certificate; the gateway identity gets Key Vault Secrets User on it. The gateway reaches a private vault through its private endpoint (the endpoint subnet's NSG must admit the gateway subnet on 443)."
  nullable    = false

  validation {
    condition     = can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.KeyVault/vaults/[^/]+$", var.key_vault_resource_id))
    error_message = "key_vault_resource_id must be a Key Vault id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>."
  }
}

variable "certificate_key_vault_secret_id" {
  type        = string
  description = "Versionless secret id of the TLS certificate in Key Vault (https://<vault>.vault.azure.net/secrets/<certificate name>), for host_name. Versionless, so renewals are picked up."
  nullable    = false

  validation {
    condition     = can(regex("^https://[a-zA-Z0-9-]+\\.vault\\.azure\\.net/secrets/[a-zA-Z0-9-]+/?$", var.certificate_key_vault_secret_id))
    error_message = "certificate_key_vault_secret_id must be a versionless secret id like https://<vault>.vault.azure.net/secrets/<name> (no version: the gateway then follows renewals)."
  }
}

variable "domain_name_label" {
  type        = string
  description = "DNS label of the public IP: <label>.<region>.cloudapp.azure.com, the default host name."
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,61}[a-z0-9]$", var.domain_name_label))
    error_message = "domain_name_label must be 3-63 lowercase letters, digits and '-', starting with a letter."
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
  description = "Diagnostic settings (access, performance and firewall logs) to Log Analytics, resource-specific tables (Dedicated) by default. Map key is arbitrary."
}

variable "lock" {
  type = object({
    kind = string
    name = optional(string)
  })
  default     = null
  description = "Management lock on the gateway: kind CanNotDelete or ReadOnly."

  validation {
    condition     = var.lock == null || contains(["CanNotDelete", "ReadOnly"], try(var.lock.kind, ""))
    error_message = "lock.kind must be \"CanNotDelete\" or \"ReadOnly\"; set lock = null for no lock."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Gateway
# ---------------------------------------------------------------------------------------------------------------------

variable "host_name" {
  type        = string
  default     = null
  description = "Host name users open (the certificate's subject), e.g. chat.example.com with a DNS record to the public IP. null: <domain_name_label>.<region>.cloudapp.azure.com."
}

variable "zones" {
  type        = list(string)
  default     = ["1", "2", "3"]
  nullable    = false
  description = "Availability zones of the gateway and its public IP (zone-redundant by default; [] in a region without zones or to save cost in dev). Set at creation."
}

variable "autoscale" {
  type = object({
    min_capacity = number
    max_capacity = number
  })
  default     = { min_capacity = 2, max_capacity = 10 }
  nullable    = false
  description = "Autoscale bounds of the gateway (instances). At least 2 for zone redundancy."

  validation {
    condition     = var.autoscale.min_capacity >= 0 && var.autoscale.max_capacity >= max(2, var.autoscale.min_capacity) && var.autoscale.max_capacity <= 125
    error_message = "autoscale needs 0 <= min_capacity <= max_capacity, 2 <= max_capacity <= 125."
  }
}

variable "waf_mode" {
  type        = string
  default     = "Prevention"
  nullable    = false
  description = "WAF mode: Prevention blocks matching requests (the baseline); Detection only logs (use briefly while tuning exclusions)."

  validation {
    condition     = contains(["Prevention", "Detection"], var.waf_mode)
    error_message = "waf_mode must be \"Prevention\" or \"Detection\"."
  }
}

variable "default_rule_set_version" {
  type        = string
  default     = "2.1"
  nullable    = false
  description = "Version of Microsoft_DefaultRuleSet (2.1 in the baseline)."
}

variable "health_probe_path" {
  type        = string
  default     = "/healthz"
  nullable    = false
  description = "Path of the app's health endpoint (the app module's health_check_path; excluded from Easy Auth so it answers 200 without a sign-in)."

  validation {
    condition     = startswith(var.health_probe_path, "/")
    error_message = "health_probe_path must start with '/', e.g. /healthz."
  }
}

variable "backend_request_timeout_seconds" {
  type        = number
  default     = 120
  nullable    = false
  description = "Backend request timeout. Chat completions stream for a while; the gateway default of 20 s cuts long answers."

  validation {
    condition     = var.backend_request_timeout_seconds >= 1 && var.backend_request_timeout_seconds <= 86400
    error_message = "backend_request_timeout_seconds must be between 1 and 86400."
  }
}

variable "rbac_propagation_wait" {
  type        = string
  default     = "60s"
  nullable    = false
  description = "Wait after the gateway identity's Key Vault assignment before the gateway (which reads the certificate at creation) is created."

  validation {
    condition     = can(regex("^[0-9]+(ms|s|m|h)$", var.rbac_propagation_wait))
    error_message = "rbac_propagation_wait must be a duration such as 30s, 60s or 2m."
  }
}
