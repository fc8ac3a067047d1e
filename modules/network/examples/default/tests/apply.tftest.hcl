# Applies the example (offline: against the fake azurerm provider; in a nightly job: against Azure), checks the
# outputs that only exist after apply, and re-plans on top of the applied state.
run "apply" {
  command = apply

  assert {
    condition     = toset(keys(output.subnet_ids)) == toset(["snet-app", "snet-pe", "snet-agent"]) && alltrue([for id in values(output.subnet_ids) : can(regex("/subnets/snet-", id))])
    error_message = "every subnet must have an id after apply"
  }
  assert {
    condition     = length(output.private_dns_zone_ids) == 8 && can(regex("/privateDnsZones/privatelink.vaultcore.azure.net$", output.private_dns_zone_ids["privatelink.vaultcore.azure.net"]))
    error_message = "zone ids keyed by zone name"
  }
  assert {
    condition     = length(module.network.network_security_group_ids) == 3
    error_message = "one NSG per subnet"
  }
}

run "replan_keeps_layout" {
  command = plan

  assert {
    condition     = module.network.subnet_address_prefixes["snet-agent"] == "10.42.2.0/24"
    error_message = "the layout must not change on re-plan"
  }
}
