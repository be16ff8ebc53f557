#!/bin/bash
# LocalStack ready hook: create logsift's bucket and tables from serverless.yml.
set -euo pipefail
dir=/etc/localstack/logsift
# LocalStack's own interpreter has boto3 and PyYAML; fall back to whatever python3 is on PATH.
python=/opt/code/localstack/.venv/bin/python
[ -x "$python" ] || python=python3
AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 \
  "$python" "$dir/create-resources.py" --endpoint http://localhost:4566 "$dir/serverless.yml"
