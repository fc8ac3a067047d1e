# Secret values are write-only (value_wo): they go to Key Vault but never into the plan or the state.
# Bump value_wo_version to write a new value. The identity running Terraform needs "Key Vault Secrets Officer"
# on the vault and network reach to it (public access is off: a runner inside the VNet, or ip_rules).
# Azure RBAC is eventually consistent: a new "Key Vault Secrets Officer" assignment can take minutes to reach the
# vault's data plane, and a secret written before that fails with 403 Forbidden (Azure docs, "Troubleshoot Azure
# RBAC": "role assignment changes can take up to 10 minutes"; Key Vault RBAC guide). The provider does not wait, and
# the offline provider cannot show it, so the module waits after the assignments (again whenever they change).
resource "time_sleep" "rbac_propagation" {
  count = length(var.secrets) > 0 && length(var.role_assignments) > 0 ? 1 : 0

  create_duration = var.rbac_propagation_wait
  triggers        = { for key, assignment in azurerm_role_assignment.this : key => assignment.id }
}

resource "azurerm_key_vault_secret" "this" {
  for_each = var.secrets

  name             = coalesce(each.value.name, each.key)
  key_vault_id     = azurerm_key_vault.this.id
  value_wo         = var.secret_values[each.key]
  value_wo_version = each.value.value_wo_version
  content_type     = each.value.content_type
  expiration_date  = each.value.expiration_date
  not_before_date  = each.value.not_before_date
  tags             = each.value.tags != null ? each.value.tags : var.tags

  depends_on = [azurerm_role_assignment.this, time_sleep.rbac_propagation, module.private_endpoint]
}
