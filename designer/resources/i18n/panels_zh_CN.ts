<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DrawingPad</name>
    <message>
        <source>Draw with the left mouse button</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsideOverlay</name>
    <message>
        <source>Inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which sample of the dataset should the layer previews show?
(0 is the first; the next run uses it.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawing pad needs a network with one image Input of 1×H×W, at most 28×28 (this one takes {shape}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the network first: the drawing pad uses its weights.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsidePanel</name>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention weights per head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this prediction: gradient × input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After training, draw here: the probabilities and the cards&apos; previews follow the drawing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step through the forward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶ walks through the nodes in the order they run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {index} of {count}: {name} ({type})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in  {port}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out {port}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the network to look inside it: the chosen sample&apos;s feature maps, filters, attention and saliency appear here after every epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one card to see what it does to the sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card has no output to show for the sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true class: {target}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
