mock_provider "azurerm" {}

variables {
  name                = "vnet-unit"
  location            = "swedencentral"
  resource_group_name = "rg-unit"
  address_space       = ["10.20.0.0/22"]
}

run "default_layout_and_baseline" {
  command = plan

  assert {
    condition     = azurerm_subnet.this["snet-app"].address_prefixes == tolist(["10.20.1.0/26"]) && azurerm_subnet.this["snet-pe"].address_prefixes == tolist(["10.20.0.0/24"])
    error_message = "default layout: snet-app 10.20.1.0/26, snet-pe 10.20.0.0/24"
  }
  assert {
    condition     = azurerm_subnet.this["snet-app"].delegation[0].service_delegation[0].name == "Microsoft.Web/serverFarms"
    error_message = "snet-app must be delegated to Microsoft.Web/serverFarms"
  }
  assert {
    condition     = length(azurerm_subnet.this["snet-pe"].delegation) == 0
    error_message = "snet-pe must not be delegated"
  }
  assert {
    condition     = azurerm_subnet.this["snet-pe"].private_endpoint_network_policies == "Enabled"
    error_message = "snet-pe must have private_endpoint_network_policies = Enabled (else NSGs are not applied to endpoints)"
  }
  assert {
    condition     = alltrue([for subnet in azurerm_subnet.this : subnet.default_outbound_access_enabled == false])
    error_message = "every subnet must have default_outbound_access_enabled = false"
  }
  assert {
    condition     = keys(azurerm_network_security_group.this) == keys(azurerm_subnet.this) && keys(azurerm_subnet_network_security_group_association.this) == keys(azurerm_subnet.this)
    error_message = "every subnet must have its own NSG and association (CKV2_AZURE_31)"
  }
  assert {
    condition = (
      azurerm_network_security_rule.this["snet-app/AllowPrivateEndpointsOutbound"].access == "Allow" &&
      azurerm_network_security_rule.this["snet-app/AllowPrivateEndpointsOutbound"].direction == "Outbound" &&
      azurerm_network_security_rule.this["snet-app/AllowPrivateEndpointsOutbound"].destination_address_prefix == "10.20.0.0/24" &&
      toset(azurerm_network_security_rule.this["snet-app/AllowPrivateEndpointsOutbound"].destination_port_ranges) == toset(["443", "5432", "10000"])
    )
    error_message = "the app may egress to the PE subnet on 443, 5432 and 10000"
  }
  assert {
    condition     = azurerm_network_security_rule.this["snet-app/AllowAzureMonitorOutbound"].destination_address_prefix == "AzureMonitor" && azurerm_network_security_rule.this["snet-app/AllowAzureMonitorOutbound"].destination_port_range == "443"
    error_message = "the app may egress to the AzureMonitor service tag on 443"
  }
  assert {
    condition = (
      azurerm_network_security_rule.this["snet-app/DenyAllOutbound"].access == "Deny" &&
      azurerm_network_security_rule.this["snet-app/DenyAllOutbound"].destination_address_prefix == "*" &&
      azurerm_network_security_rule.this["snet-app/DenyAllOutbound"].priority == 4096
    )
    error_message = "all other app egress must be denied"
  }
  assert {
    condition = (
      azurerm_network_security_rule.this["snet-pe/AllowClientSubnetsInbound"].direction == "Inbound" &&
      azurerm_network_security_rule.this["snet-pe/AllowClientSubnetsInbound"].source_address_prefix == "10.20.1.0/26" &&
      azurerm_network_security_rule.this["snet-pe/AllowClientSubnetsInbound"].destination_address_prefix == "10.20.0.0/24"
    )
    error_message = "the PE subnet must accept inbound from snet-app only"
  }
  assert {
    condition     = azurerm_network_security_rule.this["snet-pe/DenyAllInbound"].access == "Deny" && azurerm_network_security_rule.this["snet-pe/DenyAllInbound"].source_address_prefix == "*"
    error_message = "all other inbound to the PE subnet must be denied"
  }
  assert {
    condition = alltrue([for rule in azurerm_network_security_rule.this : !(rule.access == "Allow" && (
      contains(["*", "Internet", "0.0.0.0/0"], coalesce(rule.source_address_prefix, "none")) ||
      contains(["*", "Internet", "0.0.0.0/0"], coalesce(rule.destination_address_prefix, "none"))
    ))])
    error_message = "no rule may allow traffic from or to the internet (AZU-0047/AZU-0051, CKV_AZURE_9/10/160/77)"
  }
  assert {
    condition = toset(keys(azurerm_private_dns_zone.this)) == toset([
      "privatelink.vaultcore.azure.net", "privatelink.azurecr.io", "privatelink.postgres.database.azure.com",
      "privatelink.redis.azure.net", "privatelink.cognitiveservices.azure.com", "privatelink.openai.azure.com",
      "privatelink.services.ai.azure.com", "privatelink.azurewebsites.net",
    ])
    error_message = "the brief's private DNS zones must be created by default"
  }
  assert {
    condition     = keys(azurerm_private_dns_zone_virtual_network_link.this) == keys(azurerm_private_dns_zone.this) && alltrue([for link in azurerm_private_dns_zone_virtual_network_link.this : link.registration_enabled == false])
    error_message = "every zone must be linked to the VNet, without auto-registration"
  }
  assert {
    condition     = output.subnet_address_prefixes["snet-app"] == "10.20.1.0/26" && output.subnet_address_prefixes["snet-pe"] == "10.20.0.0/24"
    error_message = "subnet_address_prefixes output must show the effective layout"
  }
  assert {
    condition     = length(azurerm_management_lock.this) == 0 && length(azurerm_monitor_diagnostic_setting.this) == 0 && length(azurerm_role_assignment.this) == 0
    error_message = "no lock, diagnostics or role assignments by default"
  }
}

run "agent_and_postgres_subnets" {
  command = plan

  variables {
    subnets = {
      "snet-app"   = { role = "app" }
      "snet-pe"    = { role = "private_endpoints" }
      "snet-agent" = { role = "agent" }
      "snet-pg"    = { role = "postgres" }
    }
  }

  assert {
    condition     = azurerm_subnet.this["snet-agent"].delegation[0].service_delegation[0].name == "Microsoft.App/environments" && azurerm_subnet.this["snet-agent"].address_prefixes == tolist(["10.20.2.0/24"])
    error_message = "snet-agent must be delegated to Microsoft.App/environments (10.20.2.0/24)"
  }
  assert {
    condition     = azurerm_subnet.this["snet-pg"].delegation[0].service_delegation[0].name == "Microsoft.DBforPostgreSQL/flexibleServers" && azurerm_subnet.this["snet-pg"].address_prefixes == tolist(["10.20.1.64/28"])
    error_message = "snet-pg must be delegated to Microsoft.DBforPostgreSQL/flexibleServers (10.20.1.64/28)"
  }
  assert {
    condition     = toset(azurerm_network_security_rule.this["snet-app/AllowPrivateEndpointsOutbound"].destination_address_prefixes) == toset(["10.20.0.0/24", "10.20.1.64/28"])
    error_message = "the app may also reach the VNet-injected PostgreSQL subnet"
  }
  assert {
    condition     = toset(azurerm_network_security_rule.this["snet-pe/AllowClientSubnetsInbound"].source_address_prefixes) == toset(["10.20.1.0/26", "10.20.2.0/24"])
    error_message = "the PE subnet must accept the app and agent subnets"
  }
  assert {
    condition     = azurerm_network_security_rule.this["snet-pg/AllowAppPostgresInbound"].source_address_prefix == "10.20.1.0/26" && azurerm_network_security_rule.this["snet-pg/AllowAppPostgresInbound"].destination_port_range == "5432"
    error_message = "PostgreSQL accepts 5432 from the app subnet"
  }
  assert {
    condition     = length(azurerm_network_security_group.this) == 4 && length(azurerm_subnet_network_security_group_association.this) == 4
    error_message = "every subnet gets an NSG"
  }
}

run "explicit_prefixes_extra_rule_and_hub_dns" {
  command = plan

  variables {
    address_space = ["10.30.0.0/24", "10.31.0.0/24"]
    subnets = {
      "snet-app" = { role = "app", address_prefix = "10.30.0.0/26" }
      "snet-pe"  = { role = "private_endpoints", address_prefix = "10.31.0.0/25" }
    }
    additional_security_rules = {
      entra = {
        subnet_name                  = "snet-app"
        name                         = "AllowEntraOutbound"
        priority                     = 200
        direction                    = "Outbound"
        access                       = "Allow"
        protocol                     = "Tcp"
        source_address_prefixes      = ["10.30.0.0/26"]
        destination_address_prefixes = ["AzureActiveDirectory"]
        destination_port_ranges      = ["443"]
      }
    }
    private_dns_zones = []
  }

  assert {
    condition     = azurerm_subnet.this["snet-pe"].address_prefixes == tolist(["10.31.0.0/25"])
    error_message = "explicit prefixes must be used"
  }
  assert {
    condition     = azurerm_network_security_rule.this["snet-app/AllowEntraOutbound"].destination_address_prefix == "AzureActiveDirectory" && azurerm_network_security_rule.this["snet-app/AllowEntraOutbound"].priority == 200
    error_message = "additional rules must be added to the named subnet's NSG"
  }
  assert {
    condition     = length(azurerm_private_dns_zone.this) == 0 && length(output.private_dns_zone_ids) == 0
    error_message = "no zones when private_dns_zones = []"
  }
}

run "interfaces" {
  command = plan

  variables {
    diagnostic_settings = {
      law = { workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.OperationalInsights/workspaces/log-unit" }
    }
    role_assignments = {
      reader = { role_definition_id_or_name = "Reader", principal_id = "11111111-1111-1111-1111-111111111111", principal_type = "Group" }
      custom = { role_definition_id_or_name = "/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7", principal_id = "22222222-2222-2222-2222-222222222222" }
    }
    lock = { kind = "CanNotDelete" }
  }

  assert {
    condition = (
      [for log in azurerm_monitor_diagnostic_setting.this["law"].enabled_log : log.category_group] == ["allLogs"] &&
      [for metric in azurerm_monitor_diagnostic_setting.this["law"].enabled_metric : metric.category] == ["AllMetrics"] &&
      azurerm_monitor_diagnostic_setting.this["law"].log_analytics_workspace_id == var.diagnostic_settings.law.workspace_resource_id
    )
    error_message = "the VNet diagnostic setting sends allLogs and AllMetrics to the workspace"
  }
  assert {
    condition     = length(azurerm_monitor_diagnostic_setting.nsg) == 2 && alltrue([for setting in azurerm_monitor_diagnostic_setting.nsg : length(setting.enabled_metric) == 0 && length(setting.enabled_log) == 1])
    error_message = "each NSG gets a logs-only diagnostic setting"
  }
  assert {
    condition     = azurerm_role_assignment.this["reader"].role_definition_name == "Reader" && azurerm_role_assignment.this["reader"].principal_type == "Group"
    error_message = "a role name is passed as role_definition_name"
  }
  assert {
    condition     = azurerm_role_assignment.this["custom"].role_definition_id == "/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7"
    error_message = "a role definition id is passed as role_definition_id"
  }
  assert {
    condition     = azurerm_management_lock.this[0].lock_level == "CanNotDelete" && azurerm_management_lock.this[0].name == "lock-vnet-unit"
    error_message = "the lock must be created with the requested kind"
  }
}

run "rejects_unknown_role" {
  command = plan
  variables {
    subnets = {
      "snet-app" = { role = "app" }
      "snet-pe"  = { role = "private_endpoints" }
      "snet-x"   = { role = "firewall" }
    }
  }
  expect_failures = [var.subnets]
}

run "rejects_missing_private_endpoint_subnet" {
  command = plan
  variables {
    subnets = { "snet-app" = { role = "app" } }
  }
  expect_failures = [var.subnets]
}

run "rejects_two_app_subnets" {
  command = plan
  variables {
    subnets = {
      "snet-app"  = { role = "app", address_prefix = "10.20.1.0/26" }
      "snet-app2" = { role = "app", address_prefix = "10.20.1.64/26" }
      "snet-pe"   = { role = "private_endpoints" }
    }
  }
  expect_failures = [var.subnets]
}

run "rejects_two_postgres_subnets_delegation_exclusivity" {
  command = plan
  variables {
    subnets = {
      "snet-app"  = { role = "app" }
      "snet-pe"   = { role = "private_endpoints" }
      "snet-pg"   = { role = "postgres", address_prefix = "10.20.3.0/28" }
      "snet-pg-2" = { role = "postgres", address_prefix = "10.20.3.16/28" }
    }
  }
  expect_failures = [var.subnets]
}

run "rejects_unaligned_prefix" {
  command = plan
  variables {
    subnets = {
      "snet-app" = { role = "app", address_prefix = "10.20.1.5/26" }
      "snet-pe"  = { role = "private_endpoints" }
    }
  }
  expect_failures = [var.subnets]
}

run "rejects_too_small_app_subnet" {
  command = plan
  variables {
    subnets = {
      "snet-app" = { role = "app", address_prefix = "10.20.1.0/29" }
      "snet-pe"  = { role = "private_endpoints" }
    }
  }
  expect_failures = [var.subnets]
}

run "rejects_too_small_agent_subnet" {
  command = plan
  variables {
    subnets = {
      "snet-app"   = { role = "app" }
      "snet-pe"    = { role = "private_endpoints" }
      "snet-agent" = { role = "agent", address_prefix = "10.20.2.0/28" }
    }
  }
  expect_failures = [var.subnets]
}

run "rejects_prefix_outside_address_space" {
  command = plan
  variables {
    subnets = {
      "snet-app" = { role = "app", address_prefix = "10.99.1.0/26" }
      "snet-pe"  = { role = "private_endpoints" }
    }
  }
  expect_failures = [azurerm_virtual_network.this]
}

run "rejects_overlapping_subnets" {
  command = plan
  variables {
    subnets = {
      "snet-app" = { role = "app", address_prefix = "10.20.0.0/26" }
      "snet-pe"  = { role = "private_endpoints" }
    }
  }
  expect_failures = [azurerm_virtual_network.this]
}

run "rejects_default_layout_in_small_space" {
  command = plan
  variables {
    address_space = ["10.20.0.0/24"]
  }
  expect_failures = [azurerm_virtual_network.this]
}

run "rejects_bad_address_space" {
  command = plan
  variables {
    address_space = ["10.20.0.0"]
  }
  expect_failures = [var.address_space]
}

run "rejects_internet_allow_rule" {
  command = plan
  variables {
    additional_security_rules = {
      ssh = {
        subnet_name             = "snet-app", name = "AllowSsh", priority = 300, direction = "Inbound", access = "Allow", protocol = "Tcp"
        source_address_prefixes = ["Internet"], destination_address_prefixes = ["10.20.1.0/26"], destination_port_ranges = ["22"]
      }
    }
  }
  expect_failures = [var.additional_security_rules]
}

run "rejects_internet_egress_rule" {
  command = plan
  variables {
    additional_security_rules = {
      out = {
        subnet_name             = "snet-app", name = "AllowAllOut", priority = 300, direction = "Outbound", access = "Allow", protocol = "*"
        source_address_prefixes = ["10.20.1.0/26"], destination_address_prefixes = ["0.0.0.0/0"], destination_port_ranges = ["*"]
      }
    }
  }
  expect_failures = [var.additional_security_rules]
}

run "rejects_reserved_priority" {
  command = plan
  variables {
    additional_security_rules = {
      low = {
        subnet_name             = "snet-app", name = "AllowX", priority = 150, direction = "Outbound", access = "Allow", protocol = "Tcp"
        source_address_prefixes = ["10.20.1.0/26"], destination_address_prefixes = ["AzureActiveDirectory"], destination_port_ranges = ["443"]
      }
    }
  }
  expect_failures = [var.additional_security_rules]
}

run "rejects_reserved_rule_name" {
  command = plan
  variables {
    additional_security_rules = {
      dup = {
        subnet_name             = "snet-app", name = "DenyAllOutbound", priority = 300, direction = "Outbound", access = "Deny", protocol = "*"
        source_address_prefixes = ["*"], destination_address_prefixes = ["*"], destination_port_ranges = ["*"]
      }
    }
  }
  expect_failures = [var.additional_security_rules]
}

run "rejects_rule_for_unknown_subnet" {
  command = plan
  variables {
    additional_security_rules = {
      x = {
        subnet_name             = "snet-nope", name = "AllowX", priority = 300, direction = "Outbound", access = "Allow", protocol = "Tcp"
        source_address_prefixes = ["10.20.1.0/26"], destination_address_prefixes = ["AzureActiveDirectory"], destination_port_ranges = ["443"]
      }
    }
  }
  expect_failures = [var.additional_security_rules]
}

run "rejects_bad_rule_direction" {
  command = plan
  variables {
    additional_security_rules = {
      x = {
        subnet_name             = "snet-app", name = "AllowX", priority = 300, direction = "Egress", access = "Allow", protocol = "Tcp"
        source_address_prefixes = ["10.20.1.0/26"], destination_address_prefixes = ["AzureActiveDirectory"], destination_port_ranges = ["443"]
      }
    }
  }
  expect_failures = [var.additional_security_rules]
}

run "rejects_non_privatelink_zone" {
  command = plan
  variables {
    private_dns_zones = ["vaultcore.azure.net"]
  }
  expect_failures = [var.private_dns_zones]
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
    name = "vnet unit"
  }
  expect_failures = [var.name]
}

run "gateway_and_ops_subnets" {
  command = plan
  variables {
    subnets = {
      "snet-app" = { role = "app" }
      "snet-pe"  = { role = "private_endpoints" }
      "snet-agw" = { role = "gateway" }
      "snet-ops" = { role = "ops" }
    }
  }
  assert {
    condition     = azurerm_subnet.this["snet-agw"].address_prefixes[0] == "10.20.3.0/25" && azurerm_subnet.this["snet-ops"].address_prefixes[0] == "10.20.1.128/26"
    error_message = "gateway x.x.3.0/25 and ops x.x.1.128/26 in the default layout"
  }
  assert {
    condition     = azurerm_network_security_rule.this["snet-pe/AllowOpsInbound"].source_address_prefix == "10.20.1.128/26" && toset(azurerm_network_security_rule.this["snet-pe/AllowOpsInbound"].destination_port_ranges) == toset(["443", "5432"])
    error_message = "the endpoint subnet admits the ops subnet on 443 and 5432"
  }
  assert {
    condition     = azurerm_network_security_rule.this["snet-pe/AllowGatewayInbound"].source_address_prefix == "10.20.3.0/25" && azurerm_network_security_rule.this["snet-pe/AllowGatewayInbound"].destination_port_range == "443"
    error_message = "the endpoint subnet admits the gateway on 443"
  }
  assert {
    condition     = azurerm_network_security_rule.this["snet-agw/AllowGatewayManagerInbound"].destination_port_range == "65200-65535" && !contains(keys(azurerm_network_security_rule.this), "snet-agw/DenyAllOutbound")
    error_message = "Application Gateway v2 needs GatewayManager inbound and no outbound deny"
  }
  assert {
    condition     = azurerm_network_security_rule.this["snet-ops/AllowPrivateEndpointsOutbound"].destination_address_prefix == "10.20.0.0/24" && azurerm_network_security_rule.this["snet-ops/DenyAllInbound"].access == "Deny"
    error_message = "ops egress to the endpoints, no inbound"
  }
}

run "rejects_two_ops_subnets" {
  command = plan
  variables {
    subnets = {
      "snet-app"  = { role = "app" }
      "snet-pe"   = { role = "private_endpoints" }
      "snet-ops"  = { role = "ops" }
      "snet-ops2" = { role = "ops", address_prefix = "10.20.3.128/26" }
    }
  }
  expect_failures = [var.subnets]
}
