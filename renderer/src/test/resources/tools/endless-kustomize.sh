# stands in for a kustomize build whose output never ends, for the render size cap tests
while :; do
  echo "# filler filler filler filler filler filler filler filler filler filler filler filler filler filler"
done
