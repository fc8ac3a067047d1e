locals {
  public_ip_name = "pip-${var.name}"
  identity_name  = "id-${var.name}"
  host_name      = coalesce(var.host_name, "${var.domain_name_label}.${lower(replace(var.location, " ", ""))}.cloudapp.azure.com")

  frontend_ip_name     = "public"
  https_port_name      = "https"
  http_port_name       = "http"
  certificate_name     = "tls"
  backend_pool_name    = "app"
  backend_setting_name = "app-https"
  probe_name           = "app-health"
  https_listener_name  = "https"
  http_listener_name   = "http"
  redirect_name        = "http-to-https"
}

resource "azurerm_public_ip" "this" {
  name                = local.public_ip_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = var.zones
  domain_name_label   = var.domain_name_label
}

# The gateway reads its TLS certificate from Key Vault with this identity (Key Vault Secrets User on the vault).
resource "azurerm_user_assigned_identity" "this" {
  name                = local.identity_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_role_assignment" "key_vault" {
  scope                = var.key_vault_resource_id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.this.principal_id
  principal_type       = "ServicePrincipal"
  description          = "${local.identity_name}: read the gateway's TLS certificate."
}

# Azure RBAC propagation: the gateway fetches the certificate while it is created, and a just-created assignment
# may not be effective yet (403 -> ApplicationGatewayKeyVaultSecretException). Azure-side, not visible offline.
resource "time_sleep" "rbac_propagation" {
  create_duration = var.rbac_propagation_wait
  triggers        = { key_vault = azurerm_role_assignment.key_vault.id }
}

# WAF in Prevention mode with Microsoft's default rule set (the baseline: Microsoft_DefaultRuleSet 2.1) and the bot
# manager rule set.
resource "azurerm_web_application_firewall_policy" "this" {
  name                = "waf-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags

  policy_settings {
    enabled                     = true
    mode                        = var.waf_mode
    request_body_check          = true
    max_request_body_size_in_kb = 128
    file_upload_limit_in_mb     = 100
  }

  managed_rules {
    managed_rule_set {
      type    = "Microsoft_DefaultRuleSet"
      version = var.default_rule_set_version
    }
    managed_rule_set {
      type    = "Microsoft_BotManagerRuleSet"
      version = "1.1"
    }
  }
}

resource "azurerm_application_gateway" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
  zones               = var.zones
  firewall_policy_id  = azurerm_web_application_firewall_policy.this.id
  http2_enabled       = true

  sku {
    name = "WAF_v2"
    tier = "WAF_v2"
  }

  autoscale_configuration {
    min_capacity = var.autoscale.min_capacity
    max_capacity = var.autoscale.max_capacity
  }

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.this.id]
  }

  gateway_ip_configuration {
    name      = "gateway"
    subnet_id = var.subnet_resource_id
  }

  frontend_ip_configuration {
    name                 = local.frontend_ip_name
    public_ip_address_id = azurerm_public_ip.this.id
  }

  frontend_port {
    name = local.https_port_name
    port = 443
  }

  frontend_port {
    name = local.http_port_name
    port = 80
  }

  # Versionless secret id: the gateway picks up a renewed certificate by itself (polls Key Vault every 4 hours).
  ssl_certificate {
    name                = local.certificate_name
    key_vault_secret_id = var.certificate_key_vault_secret_id
  }

  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101S" # TLS 1.2+ only, strong ciphers
  }

  http_listener {
    name                           = local.https_listener_name
    frontend_ip_configuration_name = local.frontend_ip_name
    frontend_port_name             = local.https_port_name
    protocol                       = "Https"
    ssl_certificate_name           = local.certificate_name
    host_name                      = local.host_name
    require_sni                    = true
  }

  http_listener {
    name                           = local.http_listener_name
    frontend_ip_configuration_name = local.frontend_ip_name
    frontend_port_name             = local.http_port_name
    protocol                       = "Http"
    host_name                      = local.host_name
  }

  redirect_configuration {
    name                 = local.redirect_name
    redirect_type        = "Permanent"
    target_listener_name = local.https_listener_name
    include_path         = true
    include_query_string = true
  }

  # The backend is the app's default hostname, which the VNet's private DNS zone resolves to its private endpoint.
  backend_address_pool {
    name  = local.backend_pool_name
    fqdns = [var.backend_fqdn]
  }

  backend_http_settings {
    name                                = local.backend_setting_name
    protocol                            = "Https"
    port                                = 443
    cookie_based_affinity               = "Disabled"
    request_timeout                     = var.backend_request_timeout_seconds
    pick_host_name_from_backend_address = true
    probe_name                          = local.probe_name
  }

  probe {
    name                                      = local.probe_name
    protocol                                  = "Https"
    path                                      = var.health_probe_path
    interval                                  = 30
    timeout                                   = 30
    unhealthy_threshold                       = 3
    pick_host_name_from_backend_http_settings = true

    match {
      status_code = ["200-399"]
    }
  }

  request_routing_rule {
    name                       = "app"
    priority                   = 100
    rule_type                  = "Basic"
    http_listener_name         = local.https_listener_name
    backend_address_pool_name  = local.backend_pool_name
    backend_http_settings_name = local.backend_setting_name
  }

  request_routing_rule {
    name                        = "redirect"
    priority                    = 200
    rule_type                   = "Basic"
    http_listener_name          = local.http_listener_name
    redirect_configuration_name = local.redirect_name
  }

  depends_on = [time_sleep.rbac_propagation]
}
