variable "name" {
  type        = string
  description = "Name of the private endpoint."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_]$", var.name))
    error_message = "name must be 2-80 characters of letters, digits, '_', '.', '-', start with a letter or digit and end with a letter, digit or '_'."
  }
}

variable "location" {
  type        = string
  description = "Azure region of the endpoint; must be the region of the subnet's virtual network."
  nullable    = false
}

variable "resource_group_name" {
  type        = string
  description = "Name of the existing resource group for the endpoint."
  nullable    = false
}

variable "tags" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Tags applied to the private endpoint."
}

variable "subnet_id" {
  type        = string
  description = "Resource id of the private endpoint subnet (snet-pe, with private_endpoint_network_policies = \"Enabled\")."
  nullable    = false

  validation {
    condition     = can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/virtualNetworks/[^/]+/subnets/[^/]+$", var.subnet_id))
    error_message = "subnet_id must be a subnet resource id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>."
  }
}

variable "private_connection_resource_id" {
  type        = string
  description = "Resource id of the service the endpoint connects to (Key Vault, registry, PostgreSQL server, ...)."
  nullable    = false
}

variable "subresource_names" {
  type        = list(string)
  description = "Target subresource (group id) of the service, e.g. [\"vault\"], [\"registry\"], [\"postgresqlServer\"], [\"redisEnterprise\"], [\"account\"], [\"sites\"]."
  nullable    = false

  validation {
    condition     = length(var.subresource_names) == 1
    error_message = "subresource_names must hold exactly one subresource (group id), e.g. [\"vault\"]; create one endpoint per subresource."
  }
}

variable "private_dns_zone_ids" {
  type        = set(string)
  default     = []
  nullable    = false
  description = "Private DNS zone ids for the endpoint's DNS zone group (e.g. privatelink.vaultcore.azure.net). Empty: no zone group (DNS managed by Azure Policy)."

  validation {
    condition     = alltrue([for id in var.private_dns_zone_ids : can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/privateDnsZones/privatelink\\.[^/]+$", id))])
    error_message = "private_dns_zone_ids must be private DNS zone resource ids of privatelink.* zones: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/privatelink.<service zone>."
  }
}

variable "private_dns_zone_group_name" {
  type        = string
  default     = "default"
  nullable    = false
  description = "Name of the private DNS zone group."
}

variable "custom_network_interface_name" {
  type        = string
  default     = null
  description = "Name of the endpoint's network interface. Default: \"<name>-nic\"."
}
