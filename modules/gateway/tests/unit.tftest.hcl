mock_provider "azurerm" {}
mock_provider "time" {}

variables {
  name                            = "agw-unit"
  location                        = "swedencentral"
  resource_group_name             = "rg-unit"
  subnet_resource_id              = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-agw"
  backend_fqdn                    = "app-unit.azurewebsites.net"
  key_vault_resource_id           = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.KeyVault/vaults/kv-unit"
  certificate_key_vault_secret_id = "https://kv-unit.vault.azure.net/secrets/tls-chat"
  domain_name_label               = "chat-unit"
  diagnostic_settings = {
    law = { workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.OperationalInsights/workspaces/log-unit" }
  }
}

run "waf_v2_prevention_tls_private_backend" {
  command = plan

  assert {
    condition     = azurerm_application_gateway.this.sku[0].name == "WAF_v2" && azurerm_application_gateway.this.sku[0].tier == "WAF_v2"
    error_message = "WAF_v2 SKU"
  }
  assert {
    condition     = azurerm_web_application_firewall_policy.this.policy_settings[0].mode == "Prevention" && azurerm_web_application_firewall_policy.this.policy_settings[0].enabled
    error_message = "the WAF policy must block (Prevention)"
  }
  assert {
    condition     = anytrue([for set in azurerm_web_application_firewall_policy.this.managed_rules[0].managed_rule_set : set.type == "Microsoft_DefaultRuleSet" && set.version == "2.1"])
    error_message = "the default managed rule set (Microsoft_DefaultRuleSet 2.1)"
  }
  assert {
    condition     = azurerm_application_gateway.this.zones == toset(["1", "2", "3"]) && azurerm_public_ip.this.zones == toset(["1", "2", "3"])
    error_message = "zone-redundant by default"
  }
  assert {
    condition     = one([for c in azurerm_application_gateway.this.ssl_certificate : c.key_vault_secret_id]) == var.certificate_key_vault_secret_id && azurerm_application_gateway.this.identity[0].type == "UserAssigned"
    error_message = "the TLS certificate comes from Key Vault through the user-assigned identity"
  }
  assert {
    condition     = azurerm_role_assignment.key_vault.role_definition_name == "Key Vault Secrets User" && azurerm_role_assignment.key_vault.scope == var.key_vault_resource_id
    error_message = "the gateway identity reads the certificate (Key Vault Secrets User)"
  }
  assert {
    condition     = time_sleep.rbac_propagation.create_duration == "60s"
    error_message = "the gateway waits for RBAC propagation before it reads the certificate"
  }
  assert {
    condition     = one([for p in azurerm_application_gateway.this.probe : p.path]) == "/healthz" && one([for p in azurerm_application_gateway.this.probe : p.protocol]) == "Https"
    error_message = "the health probe hits the app's health path over HTTPS"
  }
  assert {
    condition     = one([for b in azurerm_application_gateway.this.backend_address_pool : b.fqdns]) == toset(["app-unit.azurewebsites.net"]) && one([for s in azurerm_application_gateway.this.backend_http_settings : s.pick_host_name_from_backend_address])
    error_message = "backend: the app's hostname (resolved to its private endpoint), with its own host header"
  }
  assert {
    condition     = [for l in azurerm_application_gateway.this.http_listener : l.host_name if l.protocol == "Https"] == ["chat-unit.swedencentral.cloudapp.azure.com"]
    error_message = "the HTTPS listener serves the default cloudapp host name"
  }
  assert {
    condition     = output.url == "https://chat-unit.swedencentral.cloudapp.azure.com/"
    error_message = "the URL users open"
  }
  assert {
    condition     = azurerm_application_gateway.this.ssl_policy[0].policy_name == "AppGwSslPolicy20220101S"
    error_message = "TLS 1.2+ policy"
  }
  assert {
    condition     = azurerm_monitor_diagnostic_setting.this["law"].log_analytics_destination_type == "Dedicated"
    error_message = "diagnostics to resource-specific tables"
  }
}

run "custom_host_without_zones" {
  command = plan
  variables {
    host_name = "chat.example.com"
    zones     = []
    autoscale = { min_capacity = 0, max_capacity = 2 }
  }
  assert {
    condition     = output.url == "https://chat.example.com/" && length(azurerm_application_gateway.this.zones) == 0
    error_message = "custom host name, no zones"
  }
}

run "rejects_detection_typo" {
  command = plan
  variables {
    waf_mode = "Block"
  }
  expect_failures = [var.waf_mode]
}

run "rejects_versioned_certificate_id" {
  command = plan
  variables {
    certificate_key_vault_secret_id = "https://kv-unit.vault.azure.net/secrets/tls-chat/0123456789abcdef0123456789abcdef"
  }
  expect_failures = [var.certificate_key_vault_secret_id]
}

run "rejects_bad_autoscale" {
  command = plan
  variables {
    autoscale = { min_capacity = 3, max_capacity = 1 }
  }
  expect_failures = [var.autoscale]
}
