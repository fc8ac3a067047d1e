locals {
  # What each subnet role implies (brief §2): delegation, endpoint policies and the default prefix carved from
  # address_space[0] (which must then be a /22 or larger): snet-pe x.x.0.0/24, snet-app x.x.1.0/26,
  # snet-pg x.x.1.64/28, snet-ops x.x.1.128/26, snet-agent x.x.2.0/24, snet-agw x.x.3.0/25; x.x.3.128/25 stays free.
  roles = {
    app = {
      delegation        = "Microsoft.Web/serverFarms"
      delegation_action = "Microsoft.Network/virtualNetworks/subnets/action"
      pe_policies       = "Disabled"
      new_bits          = 26
      net_num           = 4
    }
    private_endpoints = {
      delegation        = null
      delegation_action = null
      pe_policies       = "Enabled" # 4.x default "Disabled" silently skips the NSG for endpoints
      new_bits          = 24
      net_num           = 0
    }
    postgres = {
      delegation        = "Microsoft.DBforPostgreSQL/flexibleServers"
      delegation_action = "Microsoft.Network/virtualNetworks/subnets/join/action"
      pe_policies       = "Disabled"
      new_bits          = 28
      net_num           = 20
    }
    agent = {
      delegation        = "Microsoft.App/environments"
      delegation_action = "Microsoft.Network/virtualNetworks/subnets/join/action"
      pe_policies       = "Disabled"
      new_bits          = 24
      net_num           = 2
    }
    # Application Gateway v2: a subnet of its own (no other resource types), /25 here (x.x.3.0/25).
    gateway = {
      delegation        = null
      delegation_action = null
      pe_policies       = "Disabled"
      new_bits          = 25
      net_num           = 6
    }
    # Operations: self-hosted runners / jump box that reach the private endpoints (x.x.1.128/26).
    ops = {
      delegation        = null
      delegation_action = null
      pe_policies       = "Disabled"
      new_bits          = 26
      net_num           = 6
    }
  }

  base_prefix_length = tonumber(split("/", var.address_space[0])[1])

  subnets = {
    for key, subnet in var.subnets : key => {
      role = subnet.role
      address_prefix = subnet.address_prefix != null ? subnet.address_prefix : try(
        cidrsubnet(var.address_space[0], local.roles[subnet.role].new_bits - local.base_prefix_length, local.roles[subnet.role].net_num),
        null
      )
      delegation        = local.roles[subnet.role].delegation
      delegation_action = local.roles[subnet.role].delegation_action
      pe_policies       = local.roles[subnet.role].pe_policies
    }
  }

  prefixes_by_role = {
    for role in keys(local.roles) : role => [for subnet in local.subnets : subnet.address_prefix if subnet.role == role]
  }

  # Guards on the effective prefixes (checked by preconditions on the virtual network).
  undefaulted_subnets = [for key, subnet in local.subnets : key if subnet.address_prefix == null]

  prefix_outside_space = [
    for key, net in local.subnet_nets : key if !anytrue([
      for space in var.address_space :
      net.length >= tonumber(split("/", space)[1]) && cidrhost("${net.ip}/${split("/", space)[1]}", 0) == cidrhost(space, 0)
    ])
  ]

  subnet_keys = sort(keys(local.subnets))
  subnet_nets = {
    for key, subnet in local.subnets : key => {
      ip     = split("/", subnet.address_prefix)[0]
      length = tonumber(split("/", subnet.address_prefix)[1])
    } if subnet.address_prefix != null
  }
  # Two prefixes overlap when they share the network address at the shorter of the two prefix lengths.
  overlapping_subnets = flatten([
    for i, a in local.subnet_keys : [
      for j, b in local.subnet_keys : "${a} and ${b}"
      if i < j && contains(keys(local.subnet_nets), a) && contains(keys(local.subnet_nets), b) &&
      try(
        cidrhost("${local.subnet_nets[a].ip}/${min(local.subnet_nets[a].length, local.subnet_nets[b].length)}", 0) ==
        cidrhost("${local.subnet_nets[b].ip}/${min(local.subnet_nets[a].length, local.subnet_nets[b].length)}", 0),
        false
      )
    ]
  ])
}

resource "azurerm_virtual_network" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = var.address_space
  dns_servers         = var.dns_servers
  tags                = var.tags

  dynamic "ddos_protection_plan" {
    for_each = var.ddos_protection_plan_resource_id != null ? [1] : []
    content {
      id     = var.ddos_protection_plan_resource_id
      enable = true
    }
  }

  lifecycle {
    precondition {
      condition     = length(local.undefaulted_subnets) == 0
      error_message = "subnets ${join(", ", local.undefaulted_subnets)} have no address_prefix and address_space[0] (${var.address_space[0]}) is too small to carve the default layout; set address_prefix on those subnets or use a /22 or larger address_space[0]."
    }
    precondition {
      condition     = length(local.prefix_outside_space) == 0
      error_message = "subnets ${join(", ", local.prefix_outside_space)} have an address_prefix outside address_space (${join(", ", var.address_space)}); pick prefixes inside the virtual network's address space."
    }
    precondition {
      condition     = length(local.overlapping_subnets) == 0
      error_message = "subnet address prefixes overlap: ${join("; ", local.overlapping_subnets)}; give each subnet its own range."
    }
  }
}

resource "azurerm_subnet" "this" {
  for_each = local.subnets

  name                 = each.key
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [each.value.address_prefix]

  default_outbound_access_enabled   = false # no implicit internet SNAT; egress is explicit
  private_endpoint_network_policies = each.value.pe_policies

  dynamic "delegation" {
    for_each = each.value.delegation != null ? [1] : []
    content {
      name = "delegation"
      service_delegation {
        name    = each.value.delegation
        actions = [each.value.delegation_action]
      }
    }
  }
}
