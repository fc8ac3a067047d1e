locals {
  app_prefix      = one(local.prefixes_by_role.app)
  pe_prefix       = one(local.prefixes_by_role.private_endpoints)
  postgres_prefix = one(local.prefixes_by_role.postgres)
  agent_prefixes  = local.prefixes_by_role.agent
  gateway_prefix  = one(local.prefixes_by_role.gateway)
  ops_prefix      = one(local.prefixes_by_role.ops)
  service_ports   = ["443", "5432", "10000"] # HTTPS (Key Vault, ACR, Foundry), PostgreSQL, Managed Redis

  # Baseline rules per role (brief §2): the app reaches only the private endpoints (and a VNet-injected Postgres)
  # and Azure Monitor; the endpoint subnet accepts only the app (and agent) subnets; everything else is denied.
  # Priorities 100-199 and 4096 are the module's; additional_security_rules use 200-4000.
  role_rules = {
    app = [
      {
        name        = "AllowPrivateEndpointsOutbound", priority = 100, direction = "Outbound", access = "Allow", protocol = "Tcp"
        source      = compact([local.app_prefix]), destination = compact([local.pe_prefix, local.postgres_prefix]), ports = local.service_ports
        description = "App egress to the private endpoints (443 HTTPS, 5432 PostgreSQL, 10000 Managed Redis)."
      },
      {
        name        = "AllowAzureMonitorOutbound", priority = 110, direction = "Outbound", access = "Allow", protocol = "Tcp"
        source      = compact([local.app_prefix]), destination = ["AzureMonitor"], ports = ["443"]
        description = "Telemetry to Application Insights / Azure Monitor."
      },
      {
        name   = "DenyAllOutbound", priority = 4096, direction = "Outbound", access = "Deny", protocol = "*"
        source = ["*"], destination = ["*"], ports = ["*"], description = "Deny any other egress."
      },
      {
        name   = "DenyAllInbound", priority = 4096, direction = "Inbound", access = "Deny", protocol = "*"
        source = ["*"], destination = ["*"], ports = ["*"], description = "The integration subnet takes no inbound traffic."
      },
    ]
    private_endpoints = [
      {
        name        = "AllowClientSubnetsInbound", priority = 100, direction = "Inbound", access = "Allow", protocol = "Tcp"
        source      = compact(concat([local.app_prefix], local.agent_prefixes)), destination = compact([local.pe_prefix]), ports = local.service_ports
        description = "Only the app (and agent) subnets reach the private endpoints."
      },
      {
        name        = "AllowOpsInbound", priority = 110, direction = "Inbound", access = "Allow", protocol = "Tcp"
        source      = compact([local.ops_prefix]), destination = compact([local.pe_prefix]), ports = ["443", "5432"]
        description = "The ops subnet (runners, jump box) reaches Key Vault, ACR, the app and its staging slot (443) and PostgreSQL (5432, one-time role SQL)."
      },
      {
        name        = "AllowGatewayInbound", priority = 120, direction = "Inbound", access = "Allow", protocol = "Tcp"
        source      = compact([local.gateway_prefix]), destination = compact([local.pe_prefix]), ports = ["443"]
        description = "The Application Gateway reaches the app's endpoint (backend) and Key Vault (its TLS certificate)."
      },
      {
        name   = "DenyAllInbound", priority = 4096, direction = "Inbound", access = "Deny", protocol = "*"
        source = ["*"], destination = ["*"], ports = ["*"], description = "Deny any other inbound, including the rest of the VNet."
      },
      {
        name   = "DenyAllOutbound", priority = 4096, direction = "Outbound", access = "Deny", protocol = "*"
        source = ["*"], destination = ["*"], ports = ["*"], description = "Private endpoints never initiate connections."
      },
    ]
    postgres = [
      {
        name        = "AllowAppPostgresInbound", priority = 100, direction = "Inbound", access = "Allow", protocol = "Tcp"
        source      = compact([local.app_prefix]), destination = compact([local.postgres_prefix]), ports = ["5432"]
        description = "PostgreSQL from the app subnet only."
      },
      {
        name        = "AllowIntraSubnetInbound", priority = 110, direction = "Inbound", access = "Allow", protocol = "*"
        source      = compact([local.postgres_prefix]), destination = compact([local.postgres_prefix]), ports = ["*"]
        description = "Zone-redundant HA replication inside the delegated subnet."
      },
      {
        name   = "DenyAllInbound", priority = 4096, direction = "Inbound", access = "Deny", protocol = "*"
        source = ["*"], destination = ["*"], ports = ["*"], description = "Deny any other inbound."
      },
    ]
    # Application Gateway v2 needs GatewayManager 65200-65535 and the load balancer probe inbound, and unrestricted
    # outbound internet (Azure docs, "Application Gateway infrastructure configuration"): no outbound deny here.
    gateway = [
      {
        name        = "AllowHttpsInbound", priority = 100, direction = "Inbound", access = "Allow", protocol = "Tcp"
        source      = ["Internet"], destination = compact([local.gateway_prefix]), ports = ["443", "80"]
        description = "Users reach the WAF (80 only redirects to 443)."
      },
      {
        name        = "AllowGatewayManagerInbound", priority = 110, direction = "Inbound", access = "Allow", protocol = "Tcp"
        source      = ["GatewayManager"], destination = ["*"], ports = ["65200-65535"]
        description = "Application Gateway v2 infrastructure (required)."
      },
      {
        name        = "AllowAzureLoadBalancerInbound", priority = 120, direction = "Inbound", access = "Allow", protocol = "*"
        source      = ["AzureLoadBalancer"], destination = ["*"], ports = ["*"]
        description = "Azure load balancer health probes (required)."
      },
      {
        name   = "DenyAllInbound", priority = 4096, direction = "Inbound", access = "Deny", protocol = "*"
        source = ["*"], destination = ["*"], ports = ["*"], description = "Deny any other inbound."
      },
    ]
    # Runners and jump boxes only open connections: to the private endpoints, ARM and Entra ID (terraform, az), and
    # HTTPS to the internet (GitHub for the runner; give the subnet a NAT gateway, outbound access is not implicit).
    ops = [
      {
        name        = "AllowPrivateEndpointsOutbound", priority = 100, direction = "Outbound", access = "Allow", protocol = "Tcp"
        source      = compact([local.ops_prefix]), destination = compact([local.pe_prefix, local.postgres_prefix]), ports = local.service_ports
        description = "Ops egress to the private endpoints (Key Vault, ACR, app, PostgreSQL, Redis)."
      },
      {
        name        = "AllowAzureControlPlaneOutbound", priority = 110, direction = "Outbound", access = "Allow", protocol = "Tcp"
        source      = compact([local.ops_prefix]), destination = ["AzureResourceManager"], ports = ["443"]
        description = "terraform and az reach Azure Resource Manager."
      },
      {
        name        = "AllowEntraIdOutbound", priority = 120, direction = "Outbound", access = "Allow", protocol = "Tcp"
        source      = compact([local.ops_prefix]), destination = ["AzureActiveDirectory"], ports = ["443"]
        description = "OIDC / token exchange with Entra ID."
      },
      {
        name        = "AllowHttpsInternetOutbound", priority = 130, direction = "Outbound", access = "Allow", protocol = "Tcp"
        source      = compact([local.ops_prefix]), destination = ["Internet"], ports = ["443"]
        description = "The runner talks to GitHub (jobs, actions, releases.hashicorp.com) over HTTPS."
      },
      {
        name   = "DenyAllOutbound", priority = 4096, direction = "Outbound", access = "Deny", protocol = "*"
        source = ["*"], destination = ["*"], ports = ["*"], description = "Deny any other egress."
      },
      {
        name   = "DenyAllInbound", priority = 4096, direction = "Inbound", access = "Deny", protocol = "*"
        source = ["*"], destination = ["*"], ports = ["*"], description = "Runners take no inbound connections (use Bastion for a jump box)."
      },
    ]
    agent = [
      {
        name        = "AllowPrivateEndpointsOutbound", priority = 100, direction = "Outbound", access = "Allow", protocol = "Tcp"
        source      = local.agent_prefixes, destination = compact([local.pe_prefix]), ports = ["443"]
        description = "Agent egress to the private endpoints over HTTPS."
      },
      {
        name   = "DenyInternetInbound", priority = 4096, direction = "Inbound", access = "Deny", protocol = "*"
        source = ["Internet"], destination = ["*"], ports = ["*"], description = "No inbound from the internet."
      },
    ]
  }

  security_rules = merge(
    {
      for item in flatten([
        for subnet_key, subnet in local.subnets : [
          # A prefix that could not be carved (address space too small) is null; its rules are left out so that
          # the virtual network's precondition reports the real problem (a rule without a source or destination
          # is rejected by the provider: ExactlyOneOf, network_security_rule_resource.go).
          for rule in local.role_rules[subnet.role] : merge(rule, { subnet_key = subnet_key })
          if length(rule.source) > 0 && length(rule.destination) > 0
        ]
      ]) : "${item.subnet_key}/${item.name}" => item
    },
    {
      for key, rule in var.additional_security_rules : "${rule.subnet_name}/${rule.name}" => {
        subnet_key  = rule.subnet_name
        name        = rule.name
        priority    = rule.priority
        direction   = rule.direction
        access      = rule.access
        protocol    = rule.protocol
        source      = rule.source_address_prefixes
        destination = rule.destination_address_prefixes
        ports       = rule.destination_port_ranges
        description = rule.description
      }
    },
  )
}

# One NSG per subnet, created and associated by construction (CKV2_AZURE_31).
resource "azurerm_network_security_group" "this" {
  for_each = local.subnets

  name                = "nsg-${var.name}-${each.key}"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_network_security_rule" "this" {
  for_each = local.security_rules

  name                        = each.value.name
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.this[each.value.subnet_key].name
  priority                    = each.value.priority
  direction                   = each.value.direction
  access                      = each.value.access
  protocol                    = each.value.protocol
  description                 = each.value.description

  source_port_range = "*"
  # Service tags are only accepted in the singular fields.
  source_address_prefix        = length(each.value.source) == 1 ? each.value.source[0] : null
  source_address_prefixes      = length(each.value.source) == 1 ? null : each.value.source
  destination_address_prefix   = length(each.value.destination) == 1 ? each.value.destination[0] : null
  destination_address_prefixes = length(each.value.destination) == 1 ? null : each.value.destination
  destination_port_range       = length(each.value.ports) == 1 ? each.value.ports[0] : null
  destination_port_ranges      = length(each.value.ports) == 1 ? null : each.value.ports
}

resource "azurerm_subnet_network_security_group_association" "this" {
  for_each = local.subnets

  subnet_id                 = azurerm_subnet.this[each.key].id
  network_security_group_id = azurerm_network_security_group.this[each.key].id
}
