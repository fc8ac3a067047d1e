# Development: small and cheap, no zone redundancy, no HA, no locks. Still private and passwordless.
environment = "dev"
location    = "swedencentral"

app_image_name             = "chat-api:0.1.0"
app_sku_name               = "S1" # Standard: cheapest SKU with VNet integration and a staging slot
app_worker_count           = 1
app_zone_balancing_enabled = false

registry_zone_redundancy_enabled = false

postgres_sku_name                     = "B_Standard_B1ms"
postgres_high_availability_enabled    = false
postgres_geo_redundant_backup_enabled = false
postgres_backup_retention_days        = 7

redis_sku_name                  = "Balanced_B1"
redis_high_availability_enabled = false

log_retention_in_days = 30
log_daily_quota_gb    = 1

model_deployments = {
  chat = {
    model_name    = "gpt-4o-mini"
    model_version = "2024-07-18"
    sku_name      = "GlobalStandard"
    capacity      = 10
  }
}
app_model_deployment = "chat"
