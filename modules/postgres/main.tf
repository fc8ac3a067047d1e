locals {
  # Server parameters the baseline wants ON, plus TLS enforcement. Caller values win on conflict.
  server_configurations = merge(
    {
      "log_connections"            = "on"
      "log_disconnections"         = "on"
      "log_checkpoints"            = "on"
      "connection_throttle.enable" = "on"
      "require_secure_transport"   = "on"
      "ssl_min_protocol_version"   = "TLSv1.2"
    },
    var.server_configurations,
  )
}

resource "azurerm_postgresql_flexible_server" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags

  version      = var.postgresql_version
  sku_name     = var.sku_name
  storage_mb   = var.storage_mb
  storage_tier = var.storage_tier
  zone         = var.zone

  auto_grow_enabled = var.auto_grow_enabled

  # Private-endpoint mode: no delegated_subnet_id, public access off (CKV2_AZURE_57). The networking mode is fixed at
  # creation; VNet injection would need its own delegated subnet.
  public_network_access_enabled = false

  # Entra ID only (no administrator_login/password): identities connect with tokens.
  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = var.password_authentication_enabled
    tenant_id                     = var.tenant_id
  }

  backup_retention_days        = var.backup_retention_days
  geo_redundant_backup_enabled = var.geo_redundant_backup_enabled

  dynamic "high_availability" {
    for_each = var.high_availability != null ? [var.high_availability] : []
    content {
      mode                      = high_availability.value.mode
      standby_availability_zone = high_availability.value.standby_availability_zone
    }
  }

  dynamic "maintenance_window" {
    for_each = var.maintenance_window != null ? [var.maintenance_window] : []
    content {
      day_of_week  = maintenance_window.value.day_of_week
      start_hour   = maintenance_window.value.start_hour
      start_minute = maintenance_window.value.start_minute
    }
  }

  lifecycle {
    # Azure may place the primary/standby in other zones (failover, capacity); do not fight it (AVM pattern).
    ignore_changes = [zone, high_availability[0].standby_availability_zone]
  }
}

# prevent_destroy must be a literal, so the environment's choice is carried by a sentinel: with prevent_destroy = true
# this terraform_data is replaced whenever the server is (its id changes), and its own literal prevent_destroy then
# fails any plan that deletes or replaces the server ("Instance cannot be destroyed"). Dev sets false and can be torn
# down; turning protection off again needs a removed block (the sentinel itself cannot be destroyed). CONVENTIONS §6.
# Shrinking storage_mb or lowering version plans a replacement only in the real provider (CustomizeDiff), which the
# offline provider cannot show; the sentinel blocks it there too.
resource "terraform_data" "prevent_destroy" {
  count = var.prevent_destroy ? 1 : 0

  triggers_replace = azurerm_postgresql_flexible_server.this.id

  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_postgresql_flexible_server_active_directory_administrator" "this" {
  for_each = var.administrators

  server_name         = azurerm_postgresql_flexible_server.this.name
  resource_group_name = var.resource_group_name
  tenant_id           = var.tenant_id
  object_id           = each.value.object_id
  principal_name      = each.value.principal_name
  principal_type      = each.value.principal_type
}

resource "azurerm_postgresql_flexible_server_configuration" "this" {
  for_each = local.server_configurations

  name      = each.key
  server_id = azurerm_postgresql_flexible_server.this.id
  value     = each.value
}

resource "azurerm_postgresql_flexible_server_database" "this" {
  for_each = var.databases

  name      = each.key
  server_id = azurerm_postgresql_flexible_server.this.id
  charset   = each.value.charset
  collation = each.value.collation
}
