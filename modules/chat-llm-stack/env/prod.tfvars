# Production: zone-redundant everything, HA PostgreSQL with geo backups, autoscale, locks against out-of-band
# deletes (not on the Foundry account), destroy protection for the vaults and the database.
environment     = "prod"
location        = "swedencentral"
lock_kind       = "CanNotDelete"
prevent_destroy = true

app_image_name             = "chat-api:1.0.0"
app_sku_name               = "P1v3"
app_worker_count           = 3
app_zone_balancing_enabled = true
app_autoscale              = { minimum = 3, maximum = 5 }
# The chat UI's app registration (Easy Auth v2). Replace with yours.
app_entra_client_id = "6d5f0a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6"

registry_zone_redundancy_enabled = true

postgres_sku_name                     = "GP_Standard_D2ds_v5"
postgres_high_availability_enabled    = true
postgres_geo_redundant_backup_enabled = true
postgres_backup_retention_days        = 35
postgres_storage_mb                   = 65536

redis_sku_name                  = "Balanced_B3"
redis_high_availability_enabled = true

log_retention_in_days = 90

# Same model and version as dev, more capacity.
model_deployments = {
  chat = {
    model_name    = "gpt-4o"
    model_version = "2024-11-20"
    sku_name      = "DataZoneStandard"
    capacity      = 100
  }
}
active_model_deployment = "chat"
