<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>designer cannot start: its installation is incomplete. Missing from {0}: {1}. Reinstall designer (pip install --force-reinstall designer, or pip install . in a checkout).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportModelDialog</name>
    <message>
        <source>Import PyTorch Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Python file that defines the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A class, or a function that returns the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One sample shape per input of forward, without the batch, separated by spaces: 1x28x28, or long:16 for 16 token ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyword arguments for the model, as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input shapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing runs the code in this file to build the model. Import only files you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run and Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python file with the model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelImportFlow</name>
    <message>
        <source>Imported {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import the model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelImporter</name>
    <message>
        <source>The import could not start: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkTabs</name>
    <message>
        <source>The %1 network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The definition of the block %1: a change here changes every use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnnxExporter</name>
    <message>
        <source>The export could not start: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Samples missing: {0} is not there; reinstall designer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>exporter</name>
    <message>
        <source>Exporting {0} as ONNX…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>importer</name>
    <message>
        <source>Importing the model (running its file)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
