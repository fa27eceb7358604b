# stands in for a kustomize build that never finishes, for the timeout tests
sleep 60
