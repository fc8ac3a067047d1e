variable "name" {
  type        = string
  description = "Name of the virtual network; also the stem of the NSG names (nsg-<name>-<subnet>)."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9_]$", var.name))
    error_message = "name must be 2-64 characters of letters, digits, '_', '.', '-', start with a letter or digit and end with a letter, digit or '_'."
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

variable "address_space" {
  type        = list(string)
  description = "Address space of the virtual network, e.g. [\"10.20.0.0/22\"]. Subnets without address_prefix are carved from the first entry, which must then be a /22 or larger."
  nullable    = false

  validation {
    condition     = length(var.address_space) > 0 && alltrue([for cidr in var.address_space : can(cidrhost(cidr, 0)) && can(regex("^[0-9.]+/[0-9]+$", cidr))])
    error_message = "address_space must hold at least one IPv4 CIDR block, e.g. [\"10.20.0.0/22\"]."
  }
}

variable "subnets" {
  type = map(object({
    role           = string
    address_prefix = optional(string)
  }))
  default = {
    "snet-app" = { role = "app" }
    "snet-pe"  = { role = "private_endpoints" }
  }
  nullable    = false
  description = <<-EOT
    Subnets keyed by name. role sets delegation, endpoint policies and NSG rules:
    app (delegated to Microsoft.Web/serverFarms, default /26), private_endpoints (private_endpoint_network_policies = "Enabled", default /24),
    agent (delegated to Microsoft.App/environments for Foundry agent network injection, default /24),
    postgres (delegated to Microsoft.DBforPostgreSQL/flexibleServers, only for VNet-injected PostgreSQL, default /28),
    gateway (Application Gateway v2, default /25), ops (self-hosted runners / jump box reaching the private endpoints, default /26).
    address_prefix defaults to a fixed layout inside address_space[0].
  EOT

  validation {
    condition     = alltrue([for subnet in values(var.subnets) : contains(["app", "private_endpoints", "agent", "postgres", "gateway", "ops"], subnet.role)])
    error_message = "subnets[*].role must be one of app, private_endpoints, agent, postgres, gateway, ops."
  }

  validation {
    condition     = length([for subnet in values(var.subnets) : subnet if subnet.role == "app"]) == 1 && length([for subnet in values(var.subnets) : subnet if subnet.role == "private_endpoints"]) == 1
    error_message = "subnets must contain exactly one subnet with role = \"app\" and exactly one with role = \"private_endpoints\" (the NSG rules are built between them)."
  }

  validation {
    condition     = alltrue([for role in ["agent", "postgres", "gateway", "ops"] : length([for subnet in values(var.subnets) : subnet if subnet.role == role]) <= 1])
    error_message = "subnets may contain at most one subnet each with role agent, postgres, gateway or ops (a delegation is exclusive to one service; the NSG rules are built per role)."
  }

  validation {
    condition = alltrue([
      for subnet in values(var.subnets) : subnet.address_prefix == null || (
        can(regex("^[0-9.]+/[0-9]+$", subnet.address_prefix)) && can(cidrhost(subnet.address_prefix, 0)) &&
        try(cidrhost(subnet.address_prefix, 0) == split("/", subnet.address_prefix)[0], false)
      )
    ])
    error_message = "subnets[*].address_prefix must be an IPv4 CIDR written with its network address, e.g. \"10.20.1.0/26\" (not \"10.20.1.5/26\")."
  }

  validation {
    condition = alltrue([
      for subnet in values(var.subnets) : subnet.address_prefix == null || try(
        subnet.role != "app" || tonumber(split("/", subnet.address_prefix)[1]) <= 28, true
      )
    ])
    error_message = "The app subnet must be a /28 or larger (App Service VNet integration; /26 recommended so the plan can scale out)."
  }

  validation {
    condition = alltrue([
      for subnet in values(var.subnets) : subnet.address_prefix == null || try(
        subnet.role != "agent" || tonumber(split("/", subnet.address_prefix)[1]) <= 27, true
      )
    ])
    error_message = "The agent subnet must be a /27 or larger (Microsoft.App/environments workload profiles)."
  }
}

variable "additional_security_rules" {
  type = map(object({
    subnet_name                  = string
    name                         = string
    priority                     = number
    direction                    = string
    access                       = string
    protocol                     = string
    source_address_prefixes      = list(string)
    destination_address_prefixes = list(string)
    destination_port_ranges      = list(string)
    description                  = optional(string)
  }))
  default     = {}
  nullable    = false
  description = "Extra NSG rules added to a subnet's NSG (e.g. egress to AzureActiveDirectory). Priorities 200-4000; the module's own rules use 100-199 and 4096."

  validation {
    condition     = alltrue([for rule in values(var.additional_security_rules) : contains(keys(var.subnets), rule.subnet_name)])
    error_message = "additional_security_rules[*].subnet_name must be one of the keys of subnets."
  }

  validation {
    condition     = alltrue([for rule in values(var.additional_security_rules) : rule.priority >= 200 && rule.priority <= 4000])
    error_message = "additional_security_rules[*].priority must be between 200 and 4000 (100-199 and 4096 are reserved for the module's baseline rules)."
  }

  validation {
    condition = alltrue([for rule in values(var.additional_security_rules) : !contains([
      "AllowPrivateEndpointsOutbound", "AllowAzureMonitorOutbound", "DenyAllOutbound", "DenyAllInbound",
      "AllowClientSubnetsInbound", "AllowAppPostgresInbound", "AllowIntraSubnetInbound", "DenyInternetInbound",
      "AllowOpsInbound", "AllowGatewayInbound", "AllowHttpsInbound", "AllowGatewayManagerInbound", "AllowAzureLoadBalancerInbound",
      "AllowAzureControlPlaneOutbound", "AllowEntraIdOutbound", "AllowHttpsInternetOutbound",
    ], rule.name)])
    error_message = "additional_security_rules[*].name must not reuse a baseline rule name (AllowPrivateEndpointsOutbound, DenyAllInbound, ...); choose another name."
  }

  validation {
    condition = alltrue([for rule in values(var.additional_security_rules) :
      contains(["Inbound", "Outbound"], rule.direction) && contains(["Allow", "Deny"], rule.access) &&
      contains(["Tcp", "Udp", "Icmp", "Esp", "Ah", "*"], rule.protocol)
    ])
    error_message = "additional_security_rules: direction must be Inbound or Outbound, access Allow or Deny, protocol Tcp, Udp, Icmp, Esp, Ah or *."
  }

  validation {
    condition = alltrue([for rule in values(var.additional_security_rules) : !(rule.access == "Allow" && (
      (rule.direction == "Inbound" && length(setintersection(toset(rule.source_address_prefixes), ["*", "0.0.0.0/0", "Internet", "Any", "any", "internet"])) > 0) ||
      (rule.direction == "Outbound" && length(setintersection(toset(rule.destination_address_prefixes), ["*", "0.0.0.0/0", "Internet", "Any", "any", "internet"])) > 0)
    ))])
    error_message = "additional_security_rules must not allow inbound from or outbound to the internet (*, 0.0.0.0/0, Internet) (trivy AZU-0047/AZU-0051); use a service tag such as AzureActiveDirectory or a specific CIDR."
  }
}

variable "dns_servers" {
  type        = list(string)
  default     = []
  nullable    = false
  description = "Custom DNS servers for the VNet (e.g. a hub DNS resolver). Empty: Azure-provided DNS, which resolves the linked private DNS zones."
}

variable "ddos_protection_plan_resource_id" {
  type        = string
  default     = null
  description = "Resource id of a DDoS protection plan to enable on the VNet."
}

variable "private_dns_zones" {
  type = set(string)
  default = [
    "privatelink.vaultcore.azure.net",
    "privatelink.azurecr.io",
    "privatelink.postgres.database.azure.com",
    "privatelink.redis.azure.net",
    "privatelink.cognitiveservices.azure.com",
    "privatelink.openai.azure.com",
    "privatelink.services.ai.azure.com",
    "privatelink.azurewebsites.net",
  ]
  nullable    = false
  description = "Private DNS zones to create and link to the VNet. Set [] when a hub owns the zones (pass the hub's zone ids to the service modules instead)."

  validation {
    condition     = alltrue([for zone in var.private_dns_zones : can(regex("^privatelink\\.[a-z0-9.-]+[a-z]$", zone))])
    error_message = "private_dns_zones must be privatelink.* zone names, e.g. privatelink.vaultcore.azure.net."
  }
}

variable "private_dns_zone_resource_group_name" {
  type        = string
  default     = null
  description = "Resource group for the private DNS zones. Default: resource_group_name."
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
  description = "Diagnostic settings to Log Analytics for the VNet (logs and metrics) and every NSG (logs only). Map key is arbitrary."
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
  description = "Role assignments on the VNet. role_definition_id_or_name is a built-in role name or a role definition resource id."
}

variable "lock" {
  type = object({
    kind = string
    name = optional(string)
  })
  default     = null
  description = "Management lock on the VNet: kind CanNotDelete or ReadOnly."

  validation {
    condition     = var.lock == null || contains(["CanNotDelete", "ReadOnly"], try(var.lock.kind, ""))
    error_message = "lock.kind must be \"CanNotDelete\" or \"ReadOnly\"; set lock = null for no lock."
  }
}
