import json

from factcheck import __version__


def test_version_and_help(cli):
    assert __version__ in cli("--version").stdout
    assert "extract" in cli("--help").stdout


def test_extract_json_from_stdin(cli):
    run = cli("extract", "-", "--format", "json", "--as-of", "2024-01-01",
              input="The council spent £4.7m on 12 new libraries.\n")
    assert run.exit_code == 0, run.stderr
    claims = json.loads(run.stdout)["claims"]
    assert [(c["kind"], c["value"]) for c in claims] == [("money", 4_700_000), ("count", 12)]


def test_missing_file_is_one_line_error_exit_2(cli, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("We funded 40 schools.")
    run = cli("extract", str(tmp_path / "nope.txt"), str(good), "--format", "jsonl")
    assert run.exit_code == 2
    assert "nope.txt" in run.stderr and "no such file" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert '"value": 40.0' in run.stdout  # the good file was still processed


def test_impossible_as_of_is_usage_error(cli, tmp_path):
    run = cli("extract", "-", "--as-of", "2024-02-30", input="5 schools")
    assert run.exit_code == 2
    assert "2024-02-30" in run.stderr


def test_a_file_over_the_size_limit_is_refused_by_name_and_the_rest_still_run(cli, tmp_path):
    config = tmp_path / "small.toml"
    config.write_text("[factcheck]\nmax_file_bytes = 1000\n")
    huge = tmp_path / "huge.txt"
    huge.write_text("The fund paid £5m to 12 councils. " * 100)  # 3,400 bytes
    small = tmp_path / "small.txt"
    small.write_text("We funded 40 schools.")
    run = cli("extract", str(huge), str(small), "--format", "jsonl", "--config", str(config))
    assert run.exit_code == 2
    assert "huge.txt" in run.stderr and "1,000-byte limit" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert [json.loads(line)["value"] for line in run.stdout.splitlines()] == [40]
