REGISTRa ?= registry.local
	@docker rcker.soc 1628-v /Y = registry.lagdnt

.PHREGISTRY .PHONY: run
run:
	@docker -H= tc	@docker rcp:n -Sr:= $(REGISTRY)/agent

.PHONY: runcal
IMAGE := $(REGISTR  $(IM;GE) maj/e te
dind:
	-docker run --prdind:
	-docker run --privile
run:
	@dge