"""Create the S3 buckets and DynamoDB tables of serverless.yml's `resources`.

The Python twin of createResources() in scripts/local-stack.ts, for LocalStack's
ready hook (the container has boto3 and PyYAML, not node): same local names
(ArchiveBucket -> logsift-archive, LogsTable -> logsift-LogsTable), idempotent,
TTL applied where the endpoint supports it.

    create-resources.py [--endpoint URL | --s3-endpoint URL --dynamodb-endpoint URL] serverless.yml
"""

import argparse
import re
import sys

import boto3
import yaml
from botocore.config import Config
from botocore.exceptions import ClientError


class CfnLoader(yaml.SafeLoader):
    """Reads `!Ref X`, `!GetAtt X.Arn`, `!Join [...]` as plain values; only
    resources' literal properties matter here."""


def _intrinsic(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return {suffix: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {suffix: loader.construct_sequence(node, deep=True)}
    return {suffix: loader.construct_mapping(node, deep=True)}


CfnLoader.add_multi_constructor("!", _intrinsic)


def local_name(service, logical_id, kind):
    if kind == "AWS::S3::Bucket":
        stem = re.sub(r"Bucket$", "", logical_id) or logical_id
        return f"{service}-" + re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", stem).lower()
    return f"{service}-{logical_id}"


def ensure_bucket(s3, name):
    try:
        s3.head_bucket(Bucket=name)
        print(f"bucket {name}: exists")
    except ClientError:
        s3.create_bucket(Bucket=name)
        print(f"bucket {name}: created")


def ensure_table(ddb, name, props):
    try:
        ddb.describe_table(TableName=name)
        print(f"table {name}: exists")
        return
    except ddb.exceptions.ResourceNotFoundException:
        pass
    args = {
        "TableName": name,
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
    }
    indexes = props.get("GlobalSecondaryIndexes") or []
    if indexes:
        args["GlobalSecondaryIndexes"] = [
            {"IndexName": i["IndexName"], "KeySchema": i["KeySchema"], "Projection": i["Projection"]}
            for i in indexes
        ]
    ddb.create_table(**args)
    ddb.get_waiter("table_exists").wait(TableName=name)
    ttl = props.get("TimeToLiveSpecification")
    if ttl:
        try:
            ddb.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)
        except ClientError as error:
            print(f"table {name}: TTL not applied ({error})")
    print(f"table {name}: created")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("serverless_yml")
    parser.add_argument("--endpoint", default="http://localhost:4566")
    parser.add_argument("--s3-endpoint")
    parser.add_argument("--dynamodb-endpoint")
    args = parser.parse_args()

    with open(args.serverless_yml, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=CfnLoader)
    service = doc["service"]
    resources = (doc.get("resources") or {}).get("Resources") or {}

    region = "us-east-1"
    s3 = boto3.client(
        "s3",
        endpoint_url=args.s3_endpoint or args.endpoint,
        region_name=region,
        config=Config(s3={"addressing_style": "path"}),
    )
    ddb = boto3.client("dynamodb", endpoint_url=args.dynamodb_endpoint or args.endpoint, region_name=region)
    for logical_id, resource in resources.items():
        kind = resource.get("Type")
        props = resource.get("Properties") or {}
        if kind == "AWS::S3::Bucket":
            ensure_bucket(s3, local_name(service, logical_id, kind))
        elif kind == "AWS::DynamoDB::Table":
            ensure_table(ddb, local_name(service, logical_id, kind), props)
    return 0


if __name__ == "__main__":
    sys.exit(main())
