# Development: small and cheap, no zone redundancy, no HA, no locks, no destroy protection. Still private,
# passwordless and behind the WAF. Same model and version as prod (validated here first), less capacity.
environment     = "dev"
location        = "swedencentral"
prevent_destroy = false

app_image_name             = "chat-api:0.1.0"
app_sku_name               = "S1" # Standard: cheapest SKU with VNet integration and a staging slot
app_worker_count           = 1
app_zone_balancing_enabled = false
# The chat UI's app registration (Easy Auth v2). Replace with yours.
app_entra_client_id = "6d5f0a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6"

registry_zone_redundancy_enabled = false

postgres_sku_name                     = "B_Standard_B1ms"
postgres_high_availability_enabled    = false
postgres_geo_redundant_backup_enabled = false
postgres_backup_retention_days        = 7

redis_sku_name                  = "Balanced_B1"
redis_high_availability_enabled = false

log_retention_in_days = 30
log_daily_quota_gb    = 1

ingress_zones     = []
ingress_autoscale = { min_capacity = 0, max_capacity = 2 }

model_deployments = {
  chat = {
    model_name    = "gpt-4o"
    model_version = "2024-11-20"
    sku_name      = "DataZoneStandard"
    capacity      = 10
  }
}
active_model_deployment = "chat"
